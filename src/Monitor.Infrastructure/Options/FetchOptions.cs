using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Options;

/// <summary>How ministry sites are fetched.</summary>
public sealed class FetchOptions
{
    public const string SectionName = "Fetch";

    /// <summary>Identifies the monitor, with a contact URL, so a site's operator knows who is reading and how to reach them.</summary>
    [Required]
    public string UserAgent { get; set; } = "MinistryMonitor/1.0 (+https://github.com/ministry-monitor/ministry-monitor)";

    /// <summary>Time allowed for one attempt; the resilience pipeline retries within <see cref="TotalTimeoutSeconds"/>.</summary>
    [Range(1, 300)]
    public int AttemptTimeoutSeconds { get; set; } = 30;

    [Range(1, 900)]
    public int TotalTimeoutSeconds { get; set; } = 120;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Lets fetches reach loopback, private and unique-local addresses. Off by default (the fetch guard connects only to
    /// globally routable unicast); the demo and the tests, whose sites run on loopback, turn it on, and the host logs a
    /// warning when it is. Cloud metadata and link-local addresses stay refused whatever it says.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Requests in flight to one host from one instance.</summary>
    [Range(1, 16)]
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>The least time between two requests to one host (a robots.txt Crawl-delay may lengthen it, up to 60 s).</summary>
    [Range(0, 60_000)]
    public int MinDelayMilliseconds { get; set; } = 1000;

    /// <summary>
    /// The longest a host is left alone when it answers 429 or 503 with a Retry-After (24 h): a longer Retry-After is
    /// capped to this, so a site's mistake cannot stop a source for weeks.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int MaxRetryAfterMinutes { get; set; } = 24 * 60;

    /// <summary>Responses larger than this once decompressed are refused (a decompression bomb stops here).</summary>
    [Range(1, 256)]
    public int MaxResponseMegabytes { get; set; } = MinistryMonitor.Core.Fetching.PageFetcher.MaxBytes / (1024 * 1024);
}
