using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Web.Operators;

/// <summary>
/// One cycle of one source in the ingestion log: its discovery (feed, sitemap or listing, with any catch-up pages)
/// and the statement pages fetched after it, until that source's next discovery.
/// </summary>
/// <param name="Entries">Its rows, newest first, as the log lists them.</param>
public sealed record LogCycle(string SourceId, DateTimeOffset StartedAt, IReadOnlyList<IngestionEntry> Entries)
{
    public int Fetched => Entries.Count;
    public int NotModified => Entries.Count(e => e.Outcome == IngestionOutcome.NotModified);

    /// <summary>Items found new by its discoveries (statement page rows carry none).</summary>
    public int New => Entries.Sum(e => e.ItemsNew);

    public int Changed => Entries.Sum(e => e.ItemsChanged);
    public int Failed => Entries.Count(e => OutcomeMeaning.Of(e.Outcome) is OutcomeKind.Failure or OutcomeKind.Blocked);
    public int Blocked => Entries.Count(e => OutcomeMeaning.Of(e.Outcome) == OutcomeKind.Blocked);

    /// <summary>True when the window began after this cycle's discovery, so its first rows are not shown.</summary>
    public bool Partial { get; init; }
}

public static class LogCycles
{
    /// <summary>
    /// Groups log rows (any order) into cycles per source, newest cycle first. The log has no cycle id: a
    /// <c>discover</c> row starts a source's cycle, its catch-up pages and the page fetches after it join it, so the
    /// grouping needs nothing the pipeline does not already write. Rows before the first discovery in the window
    /// form a cycle marked <see cref="LogCycle.Partial"/>. Linear in the rows (after one sort).
    /// </summary>
    public static IReadOnlyList<LogCycle> Group(IEnumerable<IngestionEntry> entries)
    {
        var cycles = new List<LogCycle>();
        foreach (var source in entries.GroupBy(e => e.SourceId, StringComparer.Ordinal))
        {
            List<IngestionEntry>? current = null;
            var partial = false;
            foreach (var entry in source.OrderBy(e => e.StartedAt))
            {
                if (current is null || entry.Kind == "discover")
                {
                    Close();
                    current = [];
                    partial = entry.Kind != "discover";
                }
                current.Add(entry);
            }
            Close();

            void Close()
            {
                if (current is not { Count: > 0 }) return;
                current.Reverse();
                cycles.Add(new LogCycle(source.Key, current[^1].StartedAt, current) { Partial = partial });
            }
        }
        return cycles.OrderByDescending(c => c.StartedAt).ThenBy(c => c.SourceId, StringComparer.Ordinal).ToList();
    }
}
