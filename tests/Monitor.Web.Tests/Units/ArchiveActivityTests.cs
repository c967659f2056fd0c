using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Web.Archive;

namespace MinistryMonitor.Web.Tests.Units;

public sealed class ArchiveActivityTests
{
    // A Thursday: the current week began on Monday 30 November.
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);

    private static readonly MonitorConfiguration Configuration = new(
        [new Source("ru", "Russian MFA", "ru", new Uri("https://ru.example/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15)),
         new Source("quiet", "Quiet MFA", "en", new Uri("https://quiet.example/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15))],
        [new Topic("lachin", "Lachin corridor", ["Lachin corridor"]), new Topic("peace", "Peace treaty", ["peace treaty"])],
        []);

    private static StatementSummary Statement(string source, DateTimeOffset? published, DateTimeOffset firstSeen, params string[] topics) =>
        new(source, Guid.NewGuid().ToString("N"), "t", new Uri("https://x.example/"), published, 1, "en", topics, "b", firstSeen, firstSeen);

    [Fact]
    public async Task ReadAsync_StatementsAroundWeekBoundaries_CountedInTheWeekTheyAreListedIn()
    {
        var catalog = new ListingCatalog(
        [
            Statement("ru", new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), Now, "lachin"),   // this week's Monday, 00:00; November
            Statement("ru", new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), Now, "peace"),
            Statement("ru", null, new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), "lachin", "peace"), // undated: week first seen
            Statement("ru", new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero), Now, "peace"),  // last week's Sunday; November
            Statement("ru", new DateTimeOffset(2026, 9, 14, 0, 0, 0, TimeSpan.Zero), Now),              // the oldest week's Monday
            Statement("ru", new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero), Now),             // dated in the future: no week
            Statement("gone", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Now, "subscriber-term"),
        ]);
        var activity = new ArchiveActivity(catalog, Configuration, new SourceNames(Configuration), new FakeTimeProvider(Now));

        var snapshot = await activity.ReadAsync(CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 9, 14), snapshot.Weeks[0]);
        Assert.Equal(new DateOnly(2026, 11, 30), snapshot.Weeks[^1]);
        Assert.Equal(new DateTimeOffset(2026, 9, 14, 0, 0, 0, TimeSpan.Zero), catalog.Since);
        var ru = snapshot.Of("ru")!;
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3], ru.Counts);
        Assert.Equal(new int[12], snapshot.Of("quiet")!.Counts);
        Assert.Equal("gone", snapshot.Of("gone")!.Name);
        // December only, catalogue topics only: the subscriber's own term is never named.
        Assert.Equal([("peace", "Peace treaty", 2), ("lachin", "Lachin corridor", 1)], snapshot.TopTopics.Select(t => (t.TopicId, t.Name, t.Statements)));
        Assert.False(snapshot.Truncated);
    }

    [Fact]
    public async Task ReadAsync_WithinTheCacheTime_ReadsTheCatalogueOnce()
    {
        var catalog = new ListingCatalog([Statement("ru", Now, Now)]);
        var time = new FakeTimeProvider(Now);
        var activity = new ArchiveActivity(catalog, Configuration, new SourceNames(Configuration), time);

        await activity.ReadAsync(CancellationToken.None);
        time.Advance(ArchiveActivity.CacheFor - TimeSpan.FromSeconds(1));
        await activity.ReadAsync(CancellationToken.None);
        Assert.Equal(1, catalog.Reads);

        time.Advance(TimeSpan.FromSeconds(1));
        await activity.ReadAsync(CancellationToken.None);
        Assert.Equal(2, catalog.Reads);
    }

    /// <summary>A catalogue listing fixed statements in one page; nothing else is asked of it here.</summary>
    private sealed class ListingCatalog(IReadOnlyList<StatementSummary> statements) : IArchiveCatalog
    {
        public int Reads { get; private set; }
        public DateTimeOffset? Since { get; private set; }

        public Task<Page<StatementSummary>> ListStatementsAsync(StatementQuery query, CancellationToken cancellationToken)
        {
            Reads++;
            Since = query.Since;
            return Task.FromResult(new Page<StatementSummary>(statements.Where(s => query.Since is null || s.ListedAt >= query.Since).ToList(), null));
        }

        public Task<StatementDetails?> GetStatementAsync(string sourceId, string statementId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<StatementVersion?> GetVersionAsync(string sourceId, string statementId, int version, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<VersionDiff?> GetDiffAsync(string sourceId, string statementId, int version, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Page<AlertMessage>> ListAlertsAsync(AlertQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Page<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Page<IngestionEntry>> ListIngestionAsync(IngestionQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
