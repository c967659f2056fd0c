using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Web.Archive;

/// <summary>Statements of one source in each of the weeks of an <see cref="ActivitySnapshot"/>, oldest week first.</summary>
public sealed record SourceWeeks(string SourceId, string Name, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>How many statements listed this month mention a topic.</summary>
public sealed record TopicCount(string TopicId, string Name, int Statements);

/// <param name="Weeks">The Monday (UTC) each counted week starts on, oldest first; the last is the current week.</param>
/// <param name="Truncated">True when the window held more than <see cref="ArchiveActivity.MaxStatements"/> statements and only the newest were counted.</param>
public sealed record ActivitySnapshot(
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<SourceWeeks> Sources,
    DateOnly MonthStart,
    IReadOnlyList<TopicCount> TopTopics,
    bool Truncated)
{
    public int MaxWeek => Sources.SelectMany(s => s.Counts).DefaultIfEmpty(0).Max();

    public SourceWeeks? Of(string sourceId) => Sources.FirstOrDefault(s => s.SourceId == sourceId);
}

/// <summary>
/// What the home page draws and <c>/sources</c> sparks: statements per source per week for the last
/// <see cref="WeekCount"/> weeks and the topics most mentioned this month, counted from the catalogue's listing (a
/// statement counts in the week of its publication date, an undated one in the week it was first seen, as it is
/// listed). One catalogue read of at most <see cref="MaxStatements"/> rows, kept for <see cref="CacheFor"/> so a busy
/// front page does not read the archive on every view.
/// </summary>
public sealed class ArchiveActivity(IArchiveCatalog catalog, MonitorConfiguration configuration, SourceNames names, TimeProvider time)
{
    public const int WeekCount = 12;
    public const int TopTopicCount = 8;
    public const int MaxStatements = 20_000;
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, ActivitySnapshot Snapshot)? _cached;

    public async Task<ActivitySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } hit && now - hit.At < CacheFor) return hit.Snapshot;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && now - again.At < CacheFor) return again.Snapshot;
            var snapshot = await CountAsync(now, cancellationToken);
            _cached = (now, snapshot);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ActivitySnapshot> CountAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weeks = Enumerable.Range(0, WeekCount).Select(i => thisWeek.AddDays(7 * (i - WeekCount + 1))).ToList();
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var since = new DateTimeOffset(weeks[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var perSource = new Dictionary<string, int[]>();
        var perTopic = new Dictionary<string, int>();
        var counted = 0;
        string? token = null;
        do
        {
            var page = await catalog.ListStatementsAsync(
                new StatementQuery { Since = since, PageSize = Paging.MaxPageSize, ContinuationToken = token }, cancellationToken);
            foreach (var s in page.Items)
            {
                var day = DateOnly.FromDateTime(s.ListedAt.UtcDateTime);
                if (day < weeks[0]) continue;
                var week = (day.DayNumber - weeks[0].DayNumber) / 7;
                if (week >= WeekCount) continue;  // dated in the future: not a past week
                if (!perSource.TryGetValue(s.SourceId, out var counts)) perSource[s.SourceId] = counts = new int[WeekCount];
                counts[week]++;
                if (day >= monthStart)
                    foreach (var topic in s.Topics.Distinct()) perTopic[topic] = perTopic.GetValueOrDefault(topic) + 1;
            }
            counted += page.Items.Count;
            token = page.ContinuationToken;
        }
        while (token is not null && counted < MaxStatements);

        // Every configured source has a row, even a quiet one; a source no longer configured shows while it has statements.
        var sources = configuration.Sources.Select(s => s.Id).Concat(perSource.Keys).Distinct()
            .Select(id => new SourceWeeks(id, names.Of(id), perSource.TryGetValue(id, out var c) ? c : new int[WeekCount]))
            .ToList();
        // Only catalogue topics are named; an id left from a subscriber's own terms is private and not shown.
        var topics = perTopic.Where(t => configuration.Topics.Any(c => c.Id == t.Key)).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(TopTopicCount)
            .Select(t => new TopicCount(t.Key, configuration.Topics.First(c => c.Id == t.Key).Name, t.Value))
            .ToList();
        return new ActivitySnapshot(weeks, sources, monthStart, topics, token is not null);
    }
}
