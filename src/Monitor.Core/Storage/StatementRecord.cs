namespace MinistryMonitor.Core.Storage;

/// <summary>
/// The index entry of one statement: where its versions live and what the latest one is.
/// <see cref="ETag"/> guards concurrent writers (two workers archiving the same statement).
/// </summary>
/// <param name="Language">The latest version's language (extracted, else the source's).</param>
/// <param name="Topics">Ids of the topics the latest detected version mentions; null before its first detection.</param>
public sealed record StatementRecord(
    string SourceId,
    string StatementId,
    string ItemKey,
    Uri Url,
    string? Title,
    DateTimeOffset? Published,
    string BasePath,
    int Version,
    string TextHash,
    string RawHash,
    int DetectedVersion,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastChanged,
    string? ETag = null,
    string? Language = null,
    IReadOnlyList<string>? Topics = null)
{
    /// <summary>How the latest version's body was extracted ("selectors", "generic", …; see <c>StatementExtractor</c>); null for records archived before it was kept.</summary>
    public string? ExtractionMethod { get; init; }

    /// <summary>When a recheck found the statement's page gone (404, 410, or a redirect to a listing or home page); null while it is there.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>What the recheck saw when it marked the statement withdrawn ("HTTP 404", "redirected to …").</summary>
    public string? WithdrawnReason { get; init; }

    /// <summary>When a withdrawn statement's page was last seen answering again; null if it never was withdrawn and came back.</summary>
    public DateTimeOffset? RestoredAt { get; init; }

    /// <summary>How many times the statement was found withdrawn: numbers each incident, so its notices have one id however often it is seen.</summary>
    public int Withdrawals { get; init; }

    /// <summary>The blob path of a version's file, e.g. <c>us-state-press/2021/05/22/yemen-national-day-1a2b3c4d/v001.txt</c>.</summary>
    public string VersionPath(int version, string extension) => ArchivePaths.Version(BasePath, version, extension);
}
