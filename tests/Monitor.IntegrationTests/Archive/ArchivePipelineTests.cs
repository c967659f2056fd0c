using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.IntegrationTests.Archive;

/// <summary>
/// The real pipeline on Azurite and a loopback ministry: what it archives is listed by the catalogue, found by the
/// embedded search in inflected forms, and labelled in Blob Storage so the archive can be filtered by tags.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ArchivePipelineTests
{
    private const string Listing = """
        <html><body>
        <a class="s" href="/news/1.html">1</a>
        <a class="s" href="/news/2.html">2</a>
        </body></html>
        """;
    private const string Corridor = """
        <html><head><title>Комментарий</title></head><body><article><h1>Комментарий официального представителя</h1>
        <p class="date">12.03.2026</p>
        <p>Движение по Лачинскому коридору должно быть восстановлено.</p>
        <p>Мы призываем стороны к диалогу по вопросам делимитации.</p></article></body></html>
        """;
    private const string Other = """
        <html><head><title>Брифинг</title></head><body><article><h1>Брифинг о визите делегации</h1>
        <p class="date">15.03.2026</p>
        <p>Делегация провела переговоры по торговле и энергетике.</p></article></body></html>
        """;
    private const string CorridorEdited = """
        <html><head><title>Комментарий</title></head><body><article><h1>Комментарий официального представителя</h1>
        <p class="date">12.03.2026</p>
        <p>Мы призываем стороны к диалогу по вопросам делимитации.</p></article></body></html>
        """;

    private static Task<PipelineHarness> StartAsync() => PipelineHarness.StartAsync(
        [new { id = "ru-mfa", name = "МИД России", language = "ru", listing = new { url = "{{BASE}}news/", links = "a.s" },
            selectors = new { title = "h1", date = ".date" } }],
        [TestData.Topic("lachin-corridor", "Лачинский коридор"), TestData.Topic("delimitation", "делимитация")],
        [TestData.Subscriber("analyst@example.org", "lachin-corridor")],
        beforeStart: site =>
        {
            site.Set("news/", Listing);
            site.Set("news/1.html", Corridor);
            site.Set("news/2.html", Other);
        });

    [Fact]
    public async Task ListStatements_AfterPipelineCycle_NewestFirstWithLanguageAndTopics()
    {
        await using var harness = await StartAsync();
        await harness.RunCycleAsync();
        var catalog = harness.Get<IArchiveCatalog>();

        var page = await catalog.ListStatementsAsync(new StatementQuery { SourceId = "ru-mfa" }, CancellationToken.None);

        Assert.Equal(["Брифинг о визите делегации", "Комментарий официального представителя"], page.Items.Select(s => s.Title));
        Assert.Null(page.ContinuationToken);
        var corridor = page.Items[1];
        Assert.Equal("ru", corridor.Language);
        Assert.Equal(["delimitation", "lachin-corridor"], corridor.Topics);
        var byTopic = await catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin-corridor" }, CancellationToken.None);
        Assert.Equal(corridor.StatementId, Assert.Single(byTopic.Items).StatementId);
        var firstPage = await catalog.ListStatementsAsync(new StatementQuery { PageSize = 1 }, CancellationToken.None);
        var secondPage = await catalog.ListStatementsAsync(new StatementQuery { PageSize = 1, ContinuationToken = firstPage.ContinuationToken }, CancellationToken.None);
        Assert.Equal(page.Items.Select(s => s.StatementId), firstPage.Items.Concat(secondPage.Items).Select(s => s.StatementId));
        Assert.Null(secondPage.ContinuationToken);
    }

    [Fact]
    public async Task Search_InflectedWord_FindsTheArchivedStatementWithAHighlightedSnippet()
    {
        await using var harness = await StartAsync();
        await harness.RunCycleAsync();
        var search = harness.Get<IArchiveSearch>();

        // The page says "Лачинскому коридору"; the reader types the dictionary form.
        var results = await search.SearchAsync(new StatementQuery { Text = "коридор" }, CancellationToken.None);

        var hit = Assert.Single(results.Hits);
        Assert.Equal("Комментарий официального представителя", hit.Title);
        var highlighted = hit.Snippet.Highlights.Select(r => hit.Snippet.Text.Substring(r.Start, r.Length)).ToList();
        Assert.Contains("коридору", highlighted);
        Assert.Empty((await search.SearchAsync(new StatementQuery { Text = "коридору", SourceId = "other" }, CancellationToken.None)).Hits);
    }

    [Fact]
    public async Task Publish_EditRemovesTopic_StatementLeavesTheTopicListingAndSearchHasTheNewVersion()
    {
        await using var harness = await StartAsync();
        await harness.RunCycleAsync();
        harness.Site.Set("news/1.html", CorridorEdited);
        await harness.RunCycleAsync();
        var catalog = harness.Get<IArchiveCatalog>();

        Assert.Empty((await catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin-corridor" }, CancellationToken.None)).Items);
        var delimitation = Assert.Single((await catalog.ListStatementsAsync(new StatementQuery { TopicId = "delimitation" }, CancellationToken.None)).Items);
        Assert.Equal(2, delimitation.Version);
        Assert.Empty((await harness.Get<IArchiveSearch>().SearchAsync(new StatementQuery { Text = "коридор" }, CancellationToken.None)).Hits);
        var details = await catalog.GetStatementAsync("ru-mfa", delimitation.StatementId, CancellationToken.None);
        Assert.Equal([1, 2], details!.Versions.Select(v => v.Version));
        var diff = await catalog.GetDiffAsync("ru-mfa", delimitation.StatementId, 2, CancellationToken.None);
        Assert.Contains(diff!.Detection.Diff.Changes, c => c.Kind == "removed" && c.OldText!.Contains("коридору", StringComparison.Ordinal));
        var version = await catalog.GetVersionAsync("ru-mfa", delimitation.StatementId, 1, CancellationToken.None);
        Assert.Contains("Лачинскому коридору", version!.Text, StringComparison.Ordinal);
        Assert.Null(await catalog.GetVersionAsync("ru-mfa", delimitation.StatementId, 3, CancellationToken.None));
    }

    [Fact]
    public async Task ArchivedBlobs_CarryAsciiMetadataAndIndexTags_FindBlobsByTagsFiltersOnAzurite()
    {
        await using var harness = await StartAsync();
        await harness.RunCycleAsync();
        var container = new BlobServiceClient(harness.ConnectionString).GetBlobContainerClient("archive");
        var corridor = (await harness.StatementsAsync()).Single(s => s.Title!.StartsWith("Комментарий", StringComparison.Ordinal));
        var text = container.GetBlobClient(corridor.VersionPath(1, "txt"));

        var properties = (await text.GetPropertiesAsync()).Value;
        Assert.All(properties.Metadata.Values, v => Assert.True(v.All(char.IsAscii), v));
        Assert.Equal(corridor.Title, ArchiveLabels.DecodeTitle(properties.Metadata["title"]));
        Assert.Equal(corridor.Published, DateTimeOffset.Parse(properties.Metadata["published"], System.Globalization.CultureInfo.InvariantCulture));
        var tags = (await text.GetTagsAsync()).Value.Tags;
        Assert.Equal(("ru-mfa", "ru", "2026-03", "yes"), (tags["source"], tags["language"], tags["month"], tags["topic:lachin-corridor"]));

        // What a reader types in Storage Explorer's or the portal's "find blobs by tags".
        var found = new List<string>();
        await foreach (var item in container.FindBlobsByTagsAsync("\"source\" = 'ru-mfa' AND \"month\" >= '2026-03' AND \"topic:lachin-corridor\" = 'yes'"))
            found.Add(item.BlobName);
        Assert.Equal(new[] { "html", "json", "txt" }.Select(e => corridor.VersionPath(1, e)).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        var march = new List<string>();
        await foreach (var item in container.FindBlobsByTagsAsync("\"month\" = '2026-03' AND \"language\" = 'ru'"))
            march.Add(item.BlobName);
        Assert.Equal(6, march.Count);
        var none = new List<TaggedBlobItem>();
        await foreach (var item in container.FindBlobsByTagsAsync("\"month\" = '2026-04'")) none.Add(item);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Reindexer_ListingRowsLost_RebuildsStatementAndAlertListingsWithoutDuplicatingSearch()
    {
        await using var harness = await StartAsync();
        await harness.RunCycleAsync();
        var tables = new Azure.Data.Tables.TableServiceClient(harness.ConnectionString);
        // An archive from before the catalogue: no listing rows, no month directory.
        var timeline = tables.GetTableClient("MonitorStatementTimeline");
        await foreach (var row in timeline.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
            await timeline.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        var alerts = tables.GetTableClient("MonitorAlerts");
        await foreach (var row in alerts.QueryAsync<Azure.Data.Tables.TableEntity>(x => x.PartitionKey != "alert", select: ["PartitionKey", "RowKey"]))
            await alerts.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        var catalog = harness.Get<IArchiveCatalog>();
        Assert.Empty((await catalog.ListStatementsAsync(new StatementQuery(), default)).Items);
        Assert.Empty((await catalog.ListAlertsAsync(new AlertQuery(), default)).Items);

        var counts = await harness.Get<MinistryMonitor.Infrastructure.Storage.ArchiveReindexer>().RunAsync(default);

        Assert.Equal((2, 2), (counts.Statements, counts.Alerts)); // one alert per topic newly mentioned
        var listed = (await catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin-corridor" }, default)).Items;
        Assert.Equal(["delimitation", "lachin-corridor"], Assert.Single(listed).Topics);
        Assert.Equal(2, (await catalog.ListAlertsAsync(new AlertQuery(), default)).Items.Count);
        Assert.Equal("lachin-corridor", Assert.Single((await catalog.ListAlertsAsync(new AlertQuery { TopicId = "lachin-corridor" }, default)).Items).TopicId);
        Assert.Single((await harness.Get<IArchiveSearch>().SearchAsync(new StatementQuery { Text = "коридор" }, default)).Hits);
    }
}
