using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Storage;
using static MinistryMonitor.IntegrationTests.Subscriptions.SubscriberTestData;

namespace MinistryMonitor.IntegrationTests.Subscriptions;

/// <summary>
/// A subscriber's own terms alert that subscriber and nobody else sees them: after a real run on Azurite, no public
/// page, API answer, search hit, listing row, index row or blob tag holds them or an id derived from them.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class OwnTermsPrivacyTests
{
    private const string Address = "private.reader@example.org";
    private const string OwnTerm = "peace treaty";
    private const string Text = "Traffic through the Lachin corridor must resume under the peace treaty.";

    [Fact]
    public async Task RunCycle_SubscriberWithOwnTerms_OwnerAlertedAndNothingPublicNamesTheTermsOrAnIdOfThem()
    {
        var port = FreePort();
        await using var harness = await StartAsync(port);
        var subscription = await SubscribeAsync(harness);

        await harness.RunCycleAsync();

        var alert = Assert.Single(harness.Smtp.Messages, m => m.Subject!.StartsWith($"[{OwnTerm}]", StringComparison.Ordinal));
        Assert.Equal(Address, alert.To.Mailboxes.Single().Address);
        var statement = Assert.Single(await harness.StatementsAsync());
        Assert.Equal(["lachin-corridor"], statement.Topics);

        await using var web = await LocalWebServer.StartAsync(harness.Options, port, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = web.Address };
        var secrets = Secrets(subscription);
        var key = $"{statement.SourceId}/{statement.StatementId}";
        foreach (var path in new[]
                 {
                     "/", "/?q=treaty", "/sources", $"/statements/{key}", "/api/statements", "/api/statements?q=treaty", $"/api/statements/{key}",
                     $"/api/statements/{key}/versions/1", $"/api/statements/{key}/versions/1/diff",
                 })
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.All(secrets, s => Assert.DoesNotContain(s, body, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotMatch(OwnTopicIdPattern(), body);
            // The term is in the statement's text, which is public; never as a topic or a highlighted mention.
            Assert.DoesNotContain($"class=\"topic\">{OwnTerm}", body, StringComparison.Ordinal);
            Assert.DoesNotContain($"title=\"{OwnTerm}\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain($"\"topicName\":\"{OwnTerm}\"", body, StringComparison.Ordinal);
        }
        using var listed = JsonDocument.Parse(await http.GetStringAsync("/api/statements?q=treaty"));
        Assert.Equal(["lachin-corridor"], listed.RootElement.GetProperty("items")[0].GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        using var byOwnTopic = JsonDocument.Parse(await http.GetStringAsync($"/api/statements?topic={subscription.OwnTopicId}"));
        Assert.Empty(byOwnTopic.RootElement.GetProperty("items").EnumerateArray());

        await AssertNothingStoredPubliclyAsync(harness, statement, secrets, subscription.OwnTopicId!);
    }

    [Fact]
    public async Task Reindex_OwnTermIdsListedByAnEarlierVersion_RemovesThemFromIndexListingsSearchAndBlobTags()
    {
        await using var harness = await StartAsync(FreePort());
        var subscription = await SubscribeAsync(harness);
        await harness.RunCycleAsync();
        var statement = Assert.Single(await harness.StatementsAsync());
        // What earlier versions stored: the own-terms id (derived from the address then) beside the catalogue topic,
        // in the index row, the listing rows, the search document and the blobs' tags, crowding out a catalogue tag.
        var legacy = Subscription.OwnTopicPrefix + Subscription.IdOf(Address);
        var leaked = (IReadOnlyList<string>)["lachin-corridor", legacy];
        Assert.True(await harness.Get<IStatementIndex>().TrySaveAsync(statement with { Topics = leaked }, CancellationToken.None));
        await harness.Get<IStatementTimeline>().RecordAsync(StatementSummary.From(statement) with { Topics = leaked }, [], CancellationToken.None);
        await harness.Get<IArchiveSearch>().IndexAsync([new ArchiveDocument(statement.SourceId, statement.StatementId, statement.Version, statement.Title, Text,
            statement.Url, statement.Published, statement.Language, leaked, statement.LastChanged)], CancellationToken.None);
        var container = new BlobServiceClient(harness.ConnectionString).GetBlobContainerClient("archive");
        var text = container.GetBlobClient(statement.VersionPath(1, "txt"));
        var tags = new Dictionary<string, string>((await text.GetTagsAsync()).Value.Tags);
        tags.Remove(ArchiveLabels.TopicTag("lachin-corridor"));
        tags[ArchiveLabels.TopicTag(legacy)] = "yes";
        await text.SetTagsAsync(tags);
        var catalog = harness.Get<IArchiveCatalog>();
        Assert.Single((await catalog.ListStatementsAsync(new StatementQuery { TopicId = legacy }, CancellationToken.None)).Items);

        var counts = await harness.Get<ArchiveReindexer>().RunAsync(CancellationToken.None);

        Assert.Equal((1, 1, 1), (counts.Statements, counts.RemovedTopicRows, counts.RetaggedBlobs));
        Assert.Empty((await catalog.ListStatementsAsync(new StatementQuery { TopicId = legacy }, CancellationToken.None)).Items);
        Assert.Single((await catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin-corridor" }, CancellationToken.None)).Items);
        var retagged = (await text.GetTagsAsync()).Value.Tags;
        Assert.Equal("yes", retagged[ArchiveLabels.TopicTag("lachin-corridor")]);
        await AssertNothingStoredPubliclyAsync(harness, (await harness.StatementsAsync()).Single(), [.. Secrets(subscription), legacy], legacy);
        Assert.Equal(0, (await harness.Get<ArchiveReindexer>().RunAsync(CancellationToken.None)).RetaggedBlobs);
    }

    [Fact]
    public async Task MigrateAsync_OwnTermsStoredByAnEarlierVersion_GetARandomIdAndAlertTheirOwner()
    {
        await using var harness = await StartAsync(FreePort());
        // The row as earlier versions wrote it: no own-terms id (it was derived from the address on the fly).
        var legacy = new Subscription { Address = Address, Terms = [OwnTerm], Status = SubscriptionStatus.Active, CreatedAt = DateTimeOffset.UtcNow };
        var table = new TableServiceClient(harness.ConnectionString).GetTableClient("MonitorSubscriptions");
        var json = MinistryMonitor.Core.Messages.PipelineJson.Serialize(legacy);
        Assert.DoesNotContain("ownTermsId", json, StringComparison.Ordinal);
        await table.UpsertEntityAsync(new TableEntity("sub", legacy.Id) { ["Address"] = Address, ["Status"] = "Active", ["Json"] = json });

        Assert.Equal(1, await harness.Get<OwnTermsIds>().MigrateAsync(CancellationToken.None)); // what every host runs at start-up
        await harness.RunCycleAsync();

        var migrated = (await harness.Get<ISubscriptionStore>().GetAsync(legacy.Id, CancellationToken.None))!;
        Assert.Matches("^[0-9a-f]{24}$", migrated.OwnTermsId);
        Assert.DoesNotContain(legacy.Id, migrated.OwnTermsId!, StringComparison.Ordinal);
        var alert = Assert.Single(harness.Smtp.Messages, m => m.Subject!.StartsWith($"[{OwnTerm}]", StringComparison.Ordinal));
        Assert.Equal(Address, alert.To.Mailboxes.Single().Address);
        Assert.Equal(0, await harness.Get<OwnTermsIds>().MigrateAsync(CancellationToken.None));
    }

    /// <summary>The address, the ids of the subscription and of its own terms, in any form a public answer could hold them.</summary>
    private static string[] Secrets(Subscription subscription) =>
        [Address, subscription.Id, subscription.OwnTermsId!, subscription.OwnTopicId!, Subscription.OwnTopicPrefix + subscription.Id];

    private static async Task AssertNothingStoredPubliclyAsync(PipelineHarness harness, StatementRecord statement, IReadOnlyList<string> secrets, string ownTopicId)
    {
        Assert.Equal(["lachin-corridor"], statement.Topics);
        var search = harness.Get<IArchiveSearch>();
        var hit = Assert.Single((await search.SearchAsync(new StatementQuery { Text = "treaty" }, CancellationToken.None)).Hits);
        Assert.Equal(["lachin-corridor"], hit.Topics);
        Assert.Empty((await search.SearchAsync(new StatementQuery { Text = "treaty", TopicId = ownTopicId }, CancellationToken.None)).Hits);

        // Every listing row: no topic list holds an id that is not the catalogue's, and no row is keyed by one.
        var timeline = new TableServiceClient(harness.ConnectionString).GetTableClient("MonitorStatementTimeline");
        var rows = await timeline.QueryAsync<TableEntity>().ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows.Where(r => r.ContainsKey("Topics")), r => Assert.Equal("[\"lachin-corridor\"]", r.GetString("Topics")));
        Assert.Equal(3, rows.Count(r => r.RowKey.Contains(statement.StatementId, StringComparison.Ordinal))); // all, source, one topic

        var container = new BlobServiceClient(harness.ConnectionString).GetBlobContainerClient("archive");
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Tags | BlobTraits.Metadata }))
        {
            var labels = string.Join("\n", (blob.Tags ?? new Dictionary<string, string>()).Concat(blob.Metadata).Select(t => $"{t.Key}={t.Value}"));
            Assert.All(secrets, s => Assert.DoesNotContain(s, labels, StringComparison.OrdinalIgnoreCase));
            if (blob.Name.EndsWith(".diff.json", StringComparison.Ordinal))
            {
                // The served diff keeps catalogue mentions only (a snippet may quote the public text around them).
                using var diff = JsonDocument.Parse((await harness.ReadArchiveAsync(blob.Name))!);
                Assert.Equal(["lachin-corridor"], diff.RootElement.GetProperty("newMentions").EnumerateArray().Select(m => m.GetProperty("topicId").GetString()));
            }
        }
    }

    private static async Task<Subscription> SubscribeAsync(PipelineHarness harness)
    {
        var subscription = harness.Get<SubscriptionRules>().Validate(new Subscription
        {
            Address = Address, Terms = [OwnTerm], Status = SubscriptionStatus.Active, CreatedAt = DateTimeOffset.UtcNow, Origin = "operator",
        });
        await harness.Get<ISubscriptionStore>().SaveAsync(subscription, CancellationToken.None);
        return subscription;
    }

    /// <summary>Any own-terms id, of this subscriber or another, in the old form (address hash) or the new (random).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("own-[0-9a-f]{24}")]
    private static partial System.Text.RegularExpressions.Regex OwnTopicIdPattern();

    private static Task<PipelineHarness> StartAsync(int webPort) => PipelineHarness.StartAsync(
        [TestData.ListingSource("mfa", "news/", "a")],
        [TestData.Topic("lachin-corridor", "Lachin corridor")],
        [TestData.Subscriber("desk@example.org", "lachin-corridor")],
        settings: new Dictionary<string, string?> { ["Web:PublicBaseUrl"] = $"http://127.0.0.1:{webPort}/" },
        beforeStart: site =>
        {
            site.Set("news/", Listing);
            site.Set("news/1.html", Statement(Text));
        });
}
