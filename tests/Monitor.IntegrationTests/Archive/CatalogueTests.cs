using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.IntegrationTests.Archive;

/// <summary>The time-partitioned listings on Azurite: order, paging across month partitions, filters and idempotent writes.</summary>
[Trait("Category", "Slow")]
public sealed class CatalogueTests : IAsyncLifetime
{
    private static readonly DateTimeOffset May = new(2026, 5, 20, 12, 0, 0, TimeSpan.Zero);
    private PipelineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PipelineHarness.StartAsync(
        [TestData.FeedSource("unused", "feed.xml")], [TestData.Topic("lachin", "Lachin corridor")], [TestData.Subscriber("a@example.org", "lachin")]);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IArchiveCatalog Catalog => _harness.Get<IArchiveCatalog>();

    private static StatementSummary Statement(string source, int n, DateTimeOffset published, string language = "en", params string[] topics) =>
        new(source, $"{source}-{n:000}", $"Statement {n}", new Uri($"https://mfa.example/{source}/{n}"), published, 1, language, topics,
            $"{source}/x/{n}", published, published);

    private async Task<List<T>> AllPagesAsync<T>(Func<string?, Task<Page<T>>> read)
    {
        var items = new List<T>();
        string? token = null;
        do
        {
            var page = await read(token);
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return items;
    }

    [Fact]
    public async Task ListStatementsAsync_SourceOverThreeMonths_PagesNewestFirstAcrossPartitionsOnce()
    {
        var timeline = _harness.Get<IStatementTimeline>();
        var written = new List<StatementSummary>();
        for (var i = 0; i < 24; i++)
        {
            var a = Statement("ru-mfa", i, May.AddDays(-4 * i));
            var b = Statement("az-mfa", i, May.AddDays(-4 * i).AddHours(1));
            await timeline.RecordAsync(a, [], default);
            await timeline.RecordAsync(b, [], default);
            written.Add(a);
        }

        var listed = await AllPagesAsync(t => Catalog.ListStatementsAsync(new StatementQuery { SourceId = "ru-mfa", PageSize = 5, ContinuationToken = t }, default));

        Assert.Equal(written.Select(s => s.StatementId), listed.Select(s => s.StatementId));
        var everything = await AllPagesAsync(t => Catalog.ListStatementsAsync(new StatementQuery { PageSize = 7, ContinuationToken = t }, default));
        Assert.Equal(48, everything.Count);
        Assert.Equal(everything.OrderByDescending(s => s.ListedAt).Select(s => s.StatementId), everything.Select(s => s.StatementId));
    }

    [Fact]
    public async Task ListStatementsAsync_SinceUntilAndLanguage_ReturnOnlyThatRange()
    {
        var timeline = _harness.Get<IStatementTimeline>();
        for (var i = 0; i < 10; i++)
            await timeline.RecordAsync(Statement("ru-mfa", i, May.AddDays(-10 * i), i % 2 == 0 ? "ru" : "en"), [], default);

        var since = May.AddDays(-40);
        var until = May.AddDays(-10);
        var range = await Catalog.ListStatementsAsync(new StatementQuery { SourceId = "ru-mfa", Since = since, Until = until }, default);
        var russian = await Catalog.ListStatementsAsync(new StatementQuery { Language = "ru" }, default);

        // Since is inclusive, until exclusive.
        Assert.Equal(["ru-mfa-002", "ru-mfa-003", "ru-mfa-004"], range.Items.Select(s => s.StatementId));
        Assert.Equal(["ru-mfa-000", "ru-mfa-002", "ru-mfa-004", "ru-mfa-006", "ru-mfa-008"], russian.Items.Select(s => s.StatementId));
    }

    [Fact]
    public async Task RecordAsync_NewVersionTwice_OneRowWithTheLatestAndTopicRowsFollow()
    {
        var timeline = _harness.Get<IStatementTimeline>();
        var v1 = Statement("ru-mfa", 1, May, "ru", "lachin");
        var v2 = v1 with { Version = 2, Title = "Edited", Topics = [] };
        await timeline.RecordAsync(v1, [], default);
        await timeline.RecordAsync(v2, ["lachin"], default);
        await timeline.RecordAsync(v2, ["lachin"], default);

        var listed = Assert.Single((await Catalog.ListStatementsAsync(new StatementQuery(), default)).Items);
        Assert.Equal((2, "Edited"), (listed.Version, listed.Title));
        Assert.Empty((await Catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin" }, default)).Items);
        await timeline.RecordAsync(v2 with { Version = 3, Topics = ["lachin"] }, [], default);
        Assert.Equal(3, Assert.Single((await Catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin", SourceId = "ru-mfa" }, default)).Items).Version);
        Assert.Empty((await Catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin", SourceId = "az-mfa" }, default)).Items);
    }

    [Fact]
    public async Task ListAsync_TokenOfAnotherListingOrAltered_IsRefused()
    {
        var timeline = _harness.Get<IStatementTimeline>();
        for (var i = 0; i < 3; i++) await timeline.RecordAsync(Statement("ru-mfa", i, May.AddDays(-i)), [], default);
        var page = await Catalog.ListStatementsAsync(new StatementQuery { PageSize = 1 }, default);
        Assert.NotNull(page.ContinuationToken);

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => Catalog.ListAlertsAsync(new AlertQuery { ContinuationToken = page.ContinuationToken }, default));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => Catalog.ListStatementsAsync(new StatementQuery { SourceId = "ru-mfa", ContinuationToken = page.ContinuationToken }, default));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => Catalog.ListStatementsAsync(new StatementQuery { ContinuationToken = "%%%" }, default));
    }

    [Fact]
    public async Task ListAlertsAsync_ByTopicAndSince_NewestFirstAndLedgerStillAnswersPointLookups()
    {
        var ledger = _harness.Get<IAlertLedger>();
        for (var i = 0; i < 6; i++)
        {
            await ledger.RecordRaisedAsync(new AlertMessage(1, $"alert-{i}", i % 2 == 0 ? "lachin" : "peace", "T", "ru-mfa", "MFA", "s", 1, false, "Title",
                new Uri("https://mfa.example/1"), null, "ru-mfa/x/v001.txt", 1, [], May.AddDays(-20 * i)), default);
            if (i != 4) await ledger.MarkEnqueuedAsync($"alert-{i}", default);
        }

        var lachin = await AllPagesAsync(t => Catalog.ListAlertsAsync(new AlertQuery { TopicId = "lachin", PageSize = 2, ContinuationToken = t }, default));
        var recent = await Catalog.ListAlertsAsync(new AlertQuery { Since = May.AddDays(-45) }, default);

        Assert.Equal(["alert-0", "alert-2", "alert-4"], lachin.Select(a => a.AlertId));
        Assert.Equal(["alert-0", "alert-1", "alert-2"], recent.Items.Select(a => a.AlertId));
        Assert.True(await ledger.IsEnqueuedAsync("alert-5", default));
        // Recorded, but a crash kept it off the queue: listed, and re-sent by the retry.
        Assert.False(await ledger.IsEnqueuedAsync("alert-4", default));
        Assert.False(await ledger.IsEnqueuedAsync("alert-6", default));
    }

    [Fact]
    public async Task ListDeliveriesAsync_OverMonths_NewestFirstAndWasSentStillWorks()
    {
        var ledger = _harness.Get<IDeliveryLedger>();
        for (var i = 0; i < 5; i++)
            await ledger.RecordSentAsync(new DeliveryRecord($"alert-{i}", $"r{i}@example.org", "lachin", $"Subject {i}", May.AddDays(-15 * i)), default);

        var all = await AllPagesAsync(t => Catalog.ListDeliveriesAsync(new DeliveryQuery { PageSize = 2, ContinuationToken = t }, default));

        Assert.Equal(["alert-0", "alert-1", "alert-2", "alert-3", "alert-4"], all.Select(d => d.AlertId));
        Assert.Equal("r3@example.org", all[3].Recipient);
        Assert.True(await ledger.WasSentAsync("alert-3", "R3@example.org ", default));
    }

    [Fact]
    public async Task ListIngestionAsync_SourceAndOutcome_FilteredNewestFirst()
    {
        var log = _harness.Get<IIngestionLog>();
        var now = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        for (var i = 0; i < 6; i++)
        {
            await log.RecordAsync(new IngestionEntry(i % 2 == 0 ? "ru-mfa" : "az-mfa", "discover", new Uri("https://mfa.example/"), now.AddMinutes(-i),
                i % 3 == 0 ? IngestionOutcome.HttpError : IngestionOutcome.Ok, 200, 10, 1, 0, 0, TimeSpan.FromSeconds(1), null), default);
        }

        var ru = await Catalog.ListIngestionAsync(new IngestionQuery { SourceId = "ru-mfa" }, default);
        var failed = await Catalog.ListIngestionAsync(new IngestionQuery { Outcome = IngestionOutcome.HttpError }, default);
        var lastMinutes = await Catalog.ListIngestionAsync(new IngestionQuery { Since = now.AddMinutes(-2.5) }, default);

        Assert.Equal([now, now.AddMinutes(-2), now.AddMinutes(-4)], ru.Items.Select(e => e.StartedAt));
        Assert.Equal([now, now.AddMinutes(-3)], failed.Items.Select(e => e.StartedAt));
        Assert.Equal(3, lastMinutes.Items.Count);
    }
}
