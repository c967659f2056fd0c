namespace MinistryMonitor.Core.Diffing;

public enum DiffRunKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of text in a readable diff: kept, inserted or deleted.</summary>
/// <param name="NewStart">
/// Where a kept or inserted run starts in the new text (so mentions can be marked inside it); -1 for deleted text and
/// for the space set after a deletion so that it does not run into the next word.
/// </param>
public sealed record DiffRun(DiffRunKind Kind, string Text, int NewStart = -1);

/// <summary>One paragraph of a readable diff, in the new text's reading order, with deletions where they were.</summary>
public sealed record DiffParagraph(IReadOnlyList<DiffRun> Runs)
{
    public bool IsChanged => Runs.Any(r => r.Kind != DiffRunKind.Same);
}
