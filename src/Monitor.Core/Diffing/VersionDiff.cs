using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Everything one comparison of two versions yields: the stored change list (<see cref="Changes"/>, kept as
/// <c>vNNN.diff.json</c> and quoted by alert e-mails), the readable paragraphs the statement page shows, and the
/// stretches of the new text that are new, which decide whether a mention is new. All three come from the same
/// alignment, so an alert, its e-mail and the page never disagree.
/// </summary>
public sealed class VersionDiff
{
    private readonly List<TextRange> _fresh;

    internal VersionDiff(StatementDiff changes, IReadOnlyList<DiffParagraph> paragraphs, List<TextRange> fresh, long steps)
    {
        Changes = changes;
        Paragraphs = paragraphs;
        _fresh = fresh;
        Steps = steps;
    }

    public StatementDiff Changes { get; }

    public IReadOnlyList<DiffParagraph> Paragraphs { get; }

    /// <summary>Elementary steps the comparison took; bounded by a constant times the texts' length.</summary>
    public long Steps { get; }

    internal IReadOnlyList<TextRange> Fresh => _fresh;

    /// <summary>True when [start, end) of the new text overlaps inserted words or an added sentence.</summary>
    public bool IsFresh(int start, int end)
    {
        // Fresh ranges are produced in reading order of the new text, so a binary search finds the candidate.
        int low = 0, high = _fresh.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (_fresh[mid].End <= start) low = mid + 1;
            else if (_fresh[mid].Start >= end) high = mid - 1;
            else return true;
        }
        return false;
    }
}
