namespace MinistryMonitor.Core.Diffing;

internal enum EditKind
{
    Equal,
    Delete,
    Insert,
}

/// <summary>A stretch of an edit script: <see cref="Length"/> items kept, deleted from the old or inserted in the new sequence.</summary>
internal readonly record struct SequenceEdit(EditKind Kind, int OldIndex, int NewIndex, int Length);
