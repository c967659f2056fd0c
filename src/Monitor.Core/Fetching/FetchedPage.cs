using Monitor.Core.Storage;

namespace Monitor.Core.Fetching;

/// <summary>The result of one HTTP GET, successful or not; failures carry a readable <see cref="Error"/>.</summary>
public sealed record FetchedPage(
    Uri Url,
    IngestionOutcome Outcome,
    int? HttpStatus,
    string? ContentType,
    byte[] Content,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Error)
{
    public bool Succeeded => Outcome == IngestionOutcome.Ok;
}
