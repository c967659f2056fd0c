namespace Monitor.Core.Storage;

/// <summary>One fetch, as operators see it in the ingestion log.</summary>
/// <param name="Kind">"discover" for a feed or listing page, "page" for a statement page.</param>
public sealed record IngestionEntry(
    string SourceId,
    string Kind,
    Uri Url,
    DateTimeOffset StartedAt,
    IngestionOutcome Outcome,
    int? HttpStatus,
    long Bytes,
    int ItemsFound,
    int ItemsNew,
    int ItemsChanged,
    TimeSpan Duration,
    string? Error);

public enum IngestionOutcome
{
    Ok,
    HttpError,
    NetworkError,
    InvalidContent,
}
