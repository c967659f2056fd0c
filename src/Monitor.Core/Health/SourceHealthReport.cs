using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Health;

/// <summary>
/// Joins what the discover stage recorded per source (<see cref="ISourceStateStore.ReadHealthAsync"/>) with the
/// statements archived in the last <see cref="Window"/> (their first sight and extraction method).
/// </summary>
public sealed class SourceHealthReport(ISourceStateStore state, IStatementIndex index, TimeProvider time) : ISourceHealthReader
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<SourceHealth>> ReadAsync(IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        var states = await state.ReadHealthAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rows = new List<SourceHealth>(sources.Count);
        foreach (var source in sources)
        {
            // The index has no time-ordered listing yet, so this reads the source's partition; fine for an operator view.
            var recent = new List<StatementRecord>();
            await foreach (var record in index.ListAsync(source.Id, cancellationToken))
                if (record.LastChanged >= now - Window || record.FirstSeen >= now - Window) recent.Add(record);
            rows.Add(Compute(source, states.GetValueOrDefault(source.Id), recent, now));
        }
        return rows;
    }

    /// <summary>One source's row from its recorded state and its statements (only those touched in the window count).</summary>
    public static SourceHealth Compute(Source source, SourceHealthState? recorded, IEnumerable<StatementRecord> statements, DateTimeOffset now)
    {
        var since = now - Window;
        int fresh = 0, extracted = 0, matched = 0;
        foreach (var s in statements)
        {
            if (s.FirstSeen >= since) fresh++;
            if (s.LastChanged < since || s.ExtractionMethod is null) continue;
            extracted++;
            if (s.ExtractionMethod == StatementExtractor.SelectorsMethod) matched++;
        }
        return new SourceHealth(
            source.Id, source.Name, source.Kind, source.Enabled, source.Selectors.Body is not null,
            recorded?.LastSuccess, recorded?.LastFailure, recorded?.LastFailureReason, recorded?.ConsecutiveFailures ?? 0,
            fresh, recorded?.LastNewItem, extracted, matched, recorded?.LastSkipped);
    }
}
