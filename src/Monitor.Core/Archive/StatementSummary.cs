using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Archive;

/// <summary>A statement as listings show it: its latest version, language and the topics that version mentions.</summary>
/// <param name="BasePath">The blob folder of its versions in the <c>archive</c> container.</param>
/// <param name="Topics">Ids of the topics mentioned anywhere in the latest version (empty until it is detected).</param>
public sealed record StatementSummary(
    string SourceId,
    string StatementId,
    string? Title,
    Uri Url,
    DateTimeOffset? Published,
    int Version,
    string? Language,
    IReadOnlyList<string> Topics,
    string BasePath,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastChanged)
{
    /// <summary>The blob path of a version's file, e.g. <c>…/v002.txt</c>.</summary>
    public string VersionPath(int version, string extension) => ArchivePaths.Version(BasePath, version, extension);

    /// <summary>When the statement was found withdrawn from the ministry's site (its archived versions are kept); null while it is there.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    public static StatementSummary From(StatementRecord r) =>
        new(r.SourceId, r.StatementId, r.Title, r.Url, r.Published, r.Version, r.Language, r.Topics ?? [], r.BasePath, r.FirstSeen, r.LastChanged)
        {
            WithdrawnAt = r.WithdrawnAt,
        };

    /// <summary>The date the catalogue orders and partitions by: publication, else first seen.</summary>
    public DateTimeOffset ListedAt => Published ?? FirstSeen;
}
