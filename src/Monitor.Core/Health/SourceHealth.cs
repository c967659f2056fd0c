namespace MinistryMonitor.Core.Health;

/// <summary>
/// How one source is faring, as <c>monitor sources</c> and the web console show it.
/// </summary>
/// <param name="Kind">"feed", "sitemap" or "listing".</param>
/// <param name="LastFailureReason">The error of the last failed discovery, or "found no statements" when it read the page but found no links/items.</param>
/// <param name="ConsecutiveFailures">Failed discoveries in a row; 0 when the last one was healthy.</param>
/// <param name="StatementsLast7Days">Statements first archived in the last 7 days.</param>
/// <param name="LastNewItem">When a discovery last found an item that was not archived yet.</param>
/// <param name="ExtractedLast7Days">Versions archived in the last 7 days whose extraction method is known.</param>
/// <param name="SelectorMatchedLast7Days">Of those, the ones whose body came from the source's own selectors.</param>
/// <param name="LastSkipped">What the last successful discovery skipped and why ("found 39, skipped 1: javascript: link"), null when nothing.</param>
public sealed record SourceHealth(
    string SourceId,
    string Name,
    string Kind,
    bool Enabled,
    bool HasSelectors,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastFailureReason,
    int ConsecutiveFailures,
    int StatementsLast7Days,
    DateTimeOffset? LastNewItem,
    int ExtractedLast7Days,
    int SelectorMatchedLast7Days,
    string? LastSkipped = null)
{
    /// <summary>
    /// Share of recent statements whose body the source's selectors found (0–1); null when the source has no body
    /// selector or nothing was extracted in the window. A redesign of the statement pages shows as a drop to 0.
    /// </summary>
    public double? SelectorShare => HasSelectors && ExtractedLast7Days > 0 ? (double)SelectorMatchedLast7Days / ExtractedLast7Days : null;

    /// <summary>"ok", "failing" (at least one failure in a row), or "never-run".</summary>
    public string Status => ConsecutiveFailures > 0 ? "failing" : LastSuccess is null ? "never-run" : "ok";
}
