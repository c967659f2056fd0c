using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Collects what the alignment finds, in reading order of the new text: readable runs per paragraph, the stored
/// change list and the fresh ranges.
/// </summary>
internal sealed class DiffWriter(string oldText, string newText)
{
    private readonly List<DiffParagraph> _paragraphs = [];
    private readonly List<TextChange> _changes = [];
    private readonly List<TextRange> _fresh = [];
    private List<DiffRun> _runs = [];

    public string OldText => oldText;

    public string NewText => newText;

    public void Same(int start, int end) => Add(new DiffRun(DiffRunKind.Same, newText[start..end], start));

    public void Inserted(int start, int end, bool fresh)
    {
        Add(new DiffRun(DiffRunKind.Inserted, newText[start..end], start));
        if (fresh) Fresh(start, end);
    }

    /// <summary>Text of the old version, with a space before or after so that it does not run into its neighbours.</summary>
    public void Deleted(int start, int end, bool spaceBefore = false, bool spaceAfter = true)
    {
        if (spaceBefore) Add(Separator);
        Add(new DiffRun(DiffRunKind.Deleted, oldText[start..end]));
        if (spaceAfter) Add(Separator);
    }

    private static DiffRun Separator { get; } = new(DiffRunKind.Same, " ");

    public void Fresh(int start, int end)
    {
        // Ranges arrive in reading order; a range touching the last one extends it.
        if (_fresh.Count > 0 && _fresh[^1].End >= start) _fresh[^1] = _fresh[^1] with { End = Math.Max(_fresh[^1].End, end) };
        else _fresh.Add(new TextRange(start, end));
    }

    public void Change(string kind, TextRange? old, TextRange? @new, string level) =>
        _changes.Add(new TextChange(kind,
            old is { } o ? oldText.Substring(o.Start, o.Length) : null,
            @new is { } n ? newText.Substring(n.Start, n.Length) : null,
            @new?.Start, @new?.Length, level));

    public void EndParagraph()
    {
        // A deletion's space separates nothing at the edges of a paragraph.
        while (_runs.Count > 0 && ReferenceEquals(_runs[^1], Separator)) _runs.RemoveAt(_runs.Count - 1);
        while (_runs.Count > 0 && ReferenceEquals(_runs[0], Separator)) _runs.RemoveAt(0);
        if (_runs.Count > 0) _paragraphs.Add(new DiffParagraph(_runs));
        _runs = [];
    }

    public VersionDiff Finish(DiffWork work)
    {
        EndParagraph();
        return new VersionDiff(new StatementDiff(false, _changes), _paragraphs, _fresh, work.Steps);
    }

    private void Add(DiffRun run)
    {
        if (run.Text.Length == 0) return;
        if (ReferenceEquals(run, Separator) && _runs.Count > 0 && (ReferenceEquals(_runs[^1], Separator) || char.IsWhiteSpace(_runs[^1].Text[^1]))) return;
        // Adjacent runs of one kind that are contiguous in the new text read as one.
        if (_runs.Count > 0 && _runs[^1] is var last && last.Kind == run.Kind
            && (run.Kind == DiffRunKind.Deleted ? false : last.NewStart >= 0 && last.NewStart + last.Text.Length == run.NewStart))
        {
            _runs[^1] = last with { Text = last.Text + run.Text };
            return;
        }
        _runs.Add(run);
    }
}
