using System.Text.Json.Serialization;

namespace MinistryMonitor.Core.Storage;

/// <summary>One fetch, as operators see it in the ingestion log.</summary>
/// <param name="Kind">"discover" for a feed, sitemap or listing page, "catch-up N" for its page N read to catch up after an outage, "page" for a statement page, "recheck" for a statement page fetched to see whether it was withdrawn.</param>
/// <param name="ItemsSkipped">Entries a discovery did not queue (no usable link, unsafe scheme, duplicate, too old, off-site).</param>
/// <param name="Skipped">How many were skipped for each reason ("1: javascript: link"), null when none.</param>
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
    string? Error,
    int ItemsSkipped = 0,
    string? Skipped = null);

/// <summary>What came of a fetch; in JSON and on screen by the names operators type (<c>not-modified</c> …).</summary>
public enum IngestionOutcome
{
    Ok,

    [JsonStringEnumMemberName("http-error")]
    HttpError,

    [JsonStringEnumMemberName("network-error")]
    NetworkError,

    [JsonStringEnumMemberName("invalid-content")]
    InvalidContent,

    /// <summary>A challenge page or a refusal instead of the content: a feed URL answering HTML, a JavaScript or cookie gate, 403/429 from a WAF.</summary>
    Blocked,

    /// <summary>The server answered 304 to a conditional request: nothing was parsed or written beyond the log row.</summary>
    [JsonStringEnumMemberName("not-modified")]
    NotModified,

    /// <summary>robots.txt of the site disallows the URL for the monitor's User-Agent; it was not fetched.</summary>
    Robots,

    /// <summary>The monitor refused to connect: the URL, or a redirect, led to a loopback, private, link-local or cloud-metadata address.</summary>
    Refused,

    /// <summary>A recheck found an archived statement's page gone: 404, 410, or a redirect to a listing or home page. The statement is marked withdrawn.</summary>
    Withdrawn,

    /// <summary>A recheck found a withdrawn statement's page answering again. The statement is marked restored.</summary>
    Restored,
}
