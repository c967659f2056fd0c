using Monitor.Core.Detection;

namespace Monitor.Web.Archive;

/// <summary>A statement as listed: enough to show a row and link to it.</summary>
public sealed record StatementSummary(
    string Source,
    string SourceName,
    string Id,
    string? Title,
    Uri Url,
    DateTimeOffset? Published,
    int Version,
    IReadOnlyList<string> Topics,
    string? Language,
    string? Snippet = null);

/// <summary>A statement with the list of its versions.</summary>
public sealed record StatementDetail(
    string Source,
    string SourceName,
    string Id,
    string? Title,
    Uri Url,
    DateTimeOffset? Published,
    string? Language,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastChanged,
    IReadOnlyList<VersionSummary> Versions);

public sealed record VersionSummary(int Version, DateTimeOffset ArchivedAt, string? Title, string TextBlob);

/// <summary>One version's text and metadata.</summary>
public sealed record VersionText(
    string Source,
    string Id,
    int Version,
    string? Title,
    Uri Url,
    DateTimeOffset? Published,
    string? Language,
    string? Author,
    string? DocumentNumber,
    DateTimeOffset ArchivedAt,
    string TextBlob,
    string Text);

/// <summary>What the detect stage stored for a version: the diff against the one before and the new mentions.</summary>
public sealed record VersionDiff(string Source, string Id, int Version, int? PreviousVersion, IReadOnlyList<Mention> NewMentions, StatementDiff Diff);
