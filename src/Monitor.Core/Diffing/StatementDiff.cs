namespace MinistryMonitor.Core.Diffing;

/// <summary>How one version of a statement differs from the previous one; kept with the archived version.</summary>
public sealed record StatementDiff(bool IsFirstVersion, IReadOnlyList<TextChange> Changes)
{
    public static StatementDiff FirstVersion { get; } = new(true, []);
}

/// <summary>An added, removed or changed passage. Offsets refer to the new text.</summary>
/// <param name="Kind">"added", "removed" or "changed".</param>
/// <param name="Level">
/// "paragraph" for whole paragraphs; "sentence" for the sentences that differ inside a changed paragraph
/// (each changed paragraph is followed by its sentence-level entries).
/// </param>
public sealed record TextChange(string Kind, string? OldText, string? NewText, int? NewStart, int? NewLength, string Level = "paragraph");
