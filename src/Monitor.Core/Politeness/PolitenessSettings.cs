namespace MinistryMonitor.Core.Politeness;

/// <summary>How hard the monitor may press one site (from the <c>Fetch</c> settings).</summary>
/// <param name="UserAgent">The default User-Agent; its product token ("MinistryMonitor") is what robots.txt groups are matched against.</param>
/// <param name="MinDelay">The least time between two requests to one host, from one instance and, through queue visibility delays, across instances.</param>
/// <param name="MaxConcurrentPerHost">Requests in flight to one host from one instance.</param>
public sealed record PolitenessSettings(string UserAgent, TimeSpan MinDelay, int MaxConcurrentPerHost)
{
    /// <summary>A site's Crawl-delay above this is capped: a source must still be read within its interval.</summary>
    public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest Retry-After honoured: a 429 or 503 asking for longer defers the host this long only (<c>Fetch:MaxRetryAfterMinutes</c>).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The shortest deferral for a Retry-After: a site answering "Retry-After: 0" to every request must not have its
    /// messages come straight back in a loop.
    /// </summary>
    public static readonly TimeSpan MinRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>The product token robots.txt groups are matched against: the User-Agent's leading letters, '-' and '_' (RFC 9309 2.2.1).</summary>
    public string ProductToken => RobotsTxt.ProductTokenOf(UserAgent);

    /// <summary>How long a host asking to wait <paramref name="retryAfter"/> is deferred: at least a minute, at most <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan DeferralFor(TimeSpan retryAfter) =>
        retryAfter < MinRetryAfter ? MinRetryAfter : retryAfter > MaxRetryAfter ? MaxRetryAfter : retryAfter;

    /// <summary>The spacing between two requests to a host: the minimum delay, or the site's Crawl-delay if longer.</summary>
    public TimeSpan SpacingFor(TimeSpan? crawlDelay)
    {
        var delay = crawlDelay is { } c ? (c > MaxCrawlDelay ? MaxCrawlDelay : c) : TimeSpan.Zero;
        return delay > MinDelay ? delay : MinDelay;
    }

    /// <summary>Hosts are told apart by scheme, name and port, as the per-host circuit breakers are.</summary>
    public static string HostKey(Uri url) => $"{url.Scheme}://{url.IdnHost.ToLowerInvariant()}:{url.Port}";
}
