using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests.Fakes;

namespace MinistryMonitor.Core.Tests.Archive;

public sealed class StatementArchiverTests
{
    private static readonly Source Source = new("demo", "Demo MFA", "en", new Uri("https://mfa.example/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15));
    private static readonly Uri Url = new("https://mfa.example/statements/1");
    private readonly InMemoryStatementIndex _index = new();
    private readonly InMemoryBlobStore _blobs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly StatementArchiver _stage;
    private readonly FetchRequest _request;

    public StatementArchiverTests()
    {
        _stage = new StatementArchiver(_index, _blobs, _time, NullLogger<StatementArchiver>.Instance);
        _request = new FetchRequest("demo", Hashes.StatementId("demo", "guid-1"), "guid-1", Url, null, _time.GetUtcNow());
    }

    [Fact]
    public async Task ArchiveAsync_FirstSight_WritesVersionOneUnderAReadablePath()
    {
        var result = await Archive("<p>First text.</p>", "First text.", "Statement on the Lachin corridor", new DateTimeOffset(2023, 7, 25, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(ArchiveOutcome.New, result.Outcome);
        Assert.Equal(1, result.Record.Version);
        Assert.True(result.NeedsDetection);
        Assert.StartsWith("demo/2023/07/25/statement-on-the-lachin-corridor-", result.Record.BasePath);
        Assert.Equal("First text.", (await _blobs.ReadAsync(BlobArea.Statements, result.Record.VersionPath(1, "txt"), default))!.ToString());
        Assert.Equal("<p>First text.</p>", (await _blobs.ReadAsync(BlobArea.Statements, result.Record.VersionPath(1, "html"), default))!.ToString());
        var metadata = PipelineJson.Deserialize<ArchivedVersion>((await _blobs.ReadAsync(BlobArea.Statements, result.Record.VersionPath(1, "json"), default))!.ToString(), "test");
        Assert.Equal((Url, 1, "Statement on the Lachin corridor"), (metadata.Url, metadata.Version, metadata.Title));
    }

    [Fact]
    public async Task ArchiveAsync_SameTextAgain_WritesNothing()
    {
        await Archive("<p>Text.</p>", "Text.");
        var writes = _blobs.Writes;

        var result = await Archive("<p>Text.</p>", "Text.");

        Assert.Equal(ArchiveOutcome.Unchanged, result.Outcome);
        Assert.Equal(writes, _blobs.Writes);
    }

    [Fact]
    public async Task ArchiveAsync_SameTextNewMarkup_RemembersTheMarkupWithoutANewVersion()
    {
        await Archive("<p>Text.</p>", "Text.");

        var result = await Archive("<p><a href='/x'>Text.</a></p>", "Text.");

        Assert.Equal(ArchiveOutcome.Unchanged, result.Outcome);
        Assert.Equal(1, result.Record.Version);
        Assert.Equal(Hashes.Sha256("<p><a href='/x'>Text.</a></p>"), result.Record.RawHash);
    }

    [Fact]
    public async Task ArchiveAsync_TextChanged_WritesTheNextVersionAndKeepsTheFirst()
    {
        var first = await Archive("<p>One.</p>", "One.");
        _time.Advance(TimeSpan.FromDays(3));

        var second = await Archive("<p>One. Two.</p>", "One. Two.");

        Assert.Equal(ArchiveOutcome.Changed, second.Outcome);
        Assert.Equal(2, second.Record.Version);
        Assert.Equal(first.Record.BasePath, second.Record.BasePath);
        Assert.Equal("One.", (await _blobs.ReadAsync(BlobArea.Statements, second.Record.VersionPath(1, "txt"), default))!.ToString());
        Assert.Equal("One. Two.", (await _blobs.ReadAsync(BlobArea.Statements, second.Record.VersionPath(2, "txt"), default))!.ToString());
        Assert.Equal(first.Record.FirstSeen, second.Record.FirstSeen);
    }

    [Fact]
    public async Task ArchiveAsync_RetriedAfterCrashBetweenBlobsAndIndex_CompletesTheSameVersion()
    {
        await Archive("<p>One.</p>", "One.");
        // The first attempt at version 2 wrote its blobs, then the index update was lost (the worker died).
        _index.BeforeNextSave = () => throw new IOException("worker died");
        await Assert.ThrowsAsync<IOException>(() => Archive("<p>Two.</p>", "Two."));

        var retried = await Archive("<p>Two.</p>", "Two.");

        Assert.Equal((ArchiveOutcome.Changed, 2), (retried.Outcome, retried.Record.Version));
        Assert.Equal(6, _blobs.Blobs.Count);
    }

    [Fact]
    public async Task ArchiveAsync_AnotherWriterArchivedOtherTextMeanwhile_BecomesTheVersionAfterIt()
    {
        var first = await Archive("<p>One.</p>", "One.");
        _index.BeforeNextSave = () =>
        {
            // A concurrent worker archives version 2 with other text between our read and our save.
            _blobs.Blobs.Clear();
            _index.Put(first.Record with { Version = 2, TextHash = Hashes.Sha256("Concurrent."), RawHash = "x" });
        };

        var ours = await Archive("<p>Ours.</p>", "Ours.");

        Assert.Equal(3, ours.Record.Version);
        Assert.Equal(Hashes.Sha256("Ours."), ours.Record.TextHash);
    }

    private Task<ArchiveResult> Archive(string html, string text, string? title = "Title", DateTimeOffset? published = null) =>
        _stage.ArchiveAsync(Source, _request, new RawStatement(Url, System.Text.Encoding.UTF8.GetBytes(html), "text/html", null),
            new ExtractedStatement(title, text, published, "en", null, null, "test"), CancellationToken.None);
}
