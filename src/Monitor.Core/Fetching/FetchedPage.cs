using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Fetching;

/// <summary>The result of one HTTP GET, successful or not; failures carry a readable <see cref="Error"/>.</summary>
/// <param name="RequestedUrl">The URL asked for, when redirects led to <paramref name="Url"/>; validators are kept under it.</param>
/// <param name="Validators">The ETag and Last-Modified the server sent, to be stored once the content has been dealt with.</param>
/// <param name="RetryAt">
/// When the host may be asked again: it answered 429 or 503 with a Retry-After (capped), or its robots.txt is unreachable.
/// The caller reschedules by then (a queue visibility delay, the source's next due time) rather than waiting.
/// </param>
public sealed record FetchedPage(
    Uri Url,
    IngestionOutcome Outcome,
    int? HttpStatus,
    string? ContentType,
    byte[] Content,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Error,
    HttpValidators? Validators = null,
    Uri? RequestedUrl = null,
    DateTimeOffset? RetryAt = null)
{
    public bool Succeeded => Outcome == IngestionOutcome.Ok;
}
