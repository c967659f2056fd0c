using Microsoft.Extensions.Logging.Abstractions;
using MinistryMonitor.Core.Alerts;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Core.Tests.Fakes;
using MinistryMonitor.Core.Tests.Subscriptions;

namespace MinistryMonitor.Core.Tests.Stages;

/// <summary>One detection pass per version: one match, split into public topics and private matches.</summary>
public sealed class DetectStageTests
{
    private const string Id = "s-1";
    private const string BasePath = "ru-mfa/2026/03/01/x-s-1";
    private readonly SubscriptionWorld _world = new();
    private readonly InMemoryStatementIndex _index = new();
    private readonly RecordingTimeline _timeline = new();
    private readonly RecordingSearch _search = new();
    private readonly InMemoryAlertLedger _alerts = new();
    private readonly DetectStage _stage;

    public DetectStageTests()
    {
        var publisher = new ArchivePublisher(_timeline, _search, NullLogger<ArchivePublisher>.Instance);
        var alerts = new AlertRaiser(_world.Queue, _alerts, _world.Time, NullLogger<AlertRaiser>.Instance);
        _stage = new DetectStage(_world.Configuration, _world.Directory, _index, _world.Blobs, alerts, publisher, NullLogger<DetectStage>.Instance);
    }

    [Fact]
    public async Task HandleAsync_SecondVersion_TakesPreviousTopicsFromTheRecordNotFromMatchingAgain()
    {
        // The first version mentions the corridor, but the record says listings show "stored-topic": that is what counts.
        await ArchiveAsync(2, ["The Lachin corridor was discussed.", "Nothing about it now."], ["stored-topic"]);

        await _stage.HandleAsync(new DetectRequest("ru-mfa", Id, 2), CancellationToken.None);

        Assert.Equal(["stored-topic"], _timeline.PreviousTopics[Id]);
        Assert.Empty(_timeline.Rows[Id].Topics);
    }

    [Fact]
    public async Task HandleAsync_OwnTermsAndCatalogueMatched_BlobTagsAndListingHoldCatalogueTopicsOnly()
    {
        var own = await _world.AddAsync("analyst@example.org", s => s with { Topics = [], Terms = ["peace treaty"] });
        await ArchiveAsync(1, ["The Lachin corridor and the peace treaty."], null);

        var result = await _stage.HandleAsync(new DetectRequest("ru-mfa", Id, 1), CancellationToken.None);

        Assert.Contains(result.NewMentions, m => m.TopicId == own.OwnTopicId);
        Assert.Equal(["lachin-corridor"], _timeline.Rows[Id].Topics);
        Assert.Equal(["lachin-corridor"], Assert.Single(_search.Documents).Topics);
        foreach (var extension in new[] { "txt", "html", "json" })
        {
            var tags = _world.Blobs.Labels[(BlobArea.Statements, $"{BasePath}/v001.{extension}")].Tags;
            Assert.Equal("yes", tags[ArchiveLabels.TopicTag("lachin-corridor")]);
            Assert.DoesNotContain(tags.Keys, k => k.Contains(own.OwnTermsId!, StringComparison.Ordinal));
            Assert.Equal("ru-mfa", tags["source"]);
        }
        Assert.Equal(["lachin-corridor"], (await _index.GetAsync("ru-mfa", Id, CancellationToken.None))!.Topics);
    }

    /// <summary>Versions 1..<paramref name="versions"/> as archiving leaves them: blobs without topic tags, the record's topics as given.</summary>
    private async Task ArchiveAsync(int versions, string[] texts, IReadOnlyList<string>? recordTopics)
    {
        var now = _world.Time.GetUtcNow();
        for (var v = 1; v <= versions; v++)
        {
            var path = ArchivePaths.Version(BasePath, v, "");
            var metadata = new ArchivedVersion("ru-mfa", "MFA of Russia", Id, "item", new Uri("https://mid.example/1"), v, "Title", now, "ru", null, null,
                "selectors", null, "hash" + v, "raw" + v, now, path + "txt", path + "html");
            var labels = ArchiveLabels.For(metadata, []);
            await _world.Blobs.TryCreateAsync(BlobArea.Statements, path + "json", BinaryData.FromString(PipelineJson.Serialize(metadata)), "application/json", labels, CancellationToken.None);
            await _world.Blobs.TryCreateAsync(BlobArea.Statements, path + "txt", BinaryData.FromString(texts[v - 1]), "text/plain", labels, CancellationToken.None);
            await _world.Blobs.TryCreateAsync(BlobArea.Statements, path + "html", BinaryData.FromString("<p>x</p>"), "text/html", labels, CancellationToken.None);
        }
        var record = new StatementRecord("ru-mfa", Id, "item", new Uri("https://mid.example/1"), "Title", now, BasePath, versions, "hash" + versions, "raw" + versions,
            versions - 1, now, now, null, "ru", recordTopics);
        Assert.True(await _index.TrySaveAsync(record, CancellationToken.None));
    }

    private sealed class RecordingSearch : IArchiveSearch
    {
        public List<ArchiveDocument> Documents { get; } = [];

        public Task IndexAsync(IReadOnlyList<ArchiveDocument> documents, CancellationToken cancellationToken)
        {
            Documents.AddRange(documents);
            return Task.CompletedTask;
        }

        public Task<SearchResults> SearchAsync(StatementQuery query, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Detection never searches.");
    }
}
