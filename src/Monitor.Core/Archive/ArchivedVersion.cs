namespace MinistryMonitor.Core.Archive;

/// <summary>The metadata stored beside each archived version (<c>vNNN.json</c>).</summary>
public sealed record ArchivedVersion(
    string SourceId,
    string SourceName,
    string StatementId,
    string ItemKey,
    Uri Url,
    int Version,
    string? Title,
    DateTimeOffset? Published,
    string? Language,
    string? Author,
    string? DocumentNumber,
    string ExtractionMethod,
    string? ExtractionError,
    string TextHash,
    string RawHash,
    DateTimeOffset ArchivedAt,
    string TextBlob,
    string HtmlBlob);
