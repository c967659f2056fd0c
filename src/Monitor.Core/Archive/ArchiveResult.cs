using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Archive;

/// <summary>What archiving a fetched statement did.</summary>
public sealed record ArchiveResult(ArchiveOutcome Outcome, StatementRecord Record)
{
    /// <summary>The latest version still waits for detection (a new version, or a crash before detect was queued).</summary>
    public bool NeedsDetection => Record.DetectedVersion < Record.Version;
}

public enum ArchiveOutcome
{
    /// <summary>First version of a statement never seen before.</summary>
    New,

    /// <summary>A known statement whose text changed: archived as the next version.</summary>
    Changed,

    /// <summary>The text is the same as the latest version: nothing written.</summary>
    Unchanged,
}
