namespace Monitor.Core.Politeness;

/// <summary>How hard the monitor may press one site (from the <c>Fetch</c> settings).</summary>
/// <param name="UserAgent">The default User-Agent; its product token ("MinistryMonitor") is what robots.txt groups are matched against.</param>
/// <param name="MinDelay">The least time between two requests to one host, from one instance and, through queue visibility delays, across instances.</param>
/// <param name="MaxConcurrentPerHost">Requests in flight to one host from one instance.</param>
public sealed record PolitenessSettings(string UserAgent, TimeSpan MinDelay, int MaxConcurrentPerHost)
{
    /// <summary>A site's Crawl-delay above this is capped: a source must still be read within its interval.</summary>
    public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(60);

    public string ProductToken => UserAgent.Split('/', ' ')[0].Trim();

    /// <summary>The spacing between two requests to a host: the minimum delay, or the site's Crawl-delay if longer.</summary>
    public TimeSpan SpacingFor(TimeSpan? crawlDelay)
    {
        var delay = crawlDelay is { } c ? (c > MaxCrawlDelay ? MaxCrawlDelay : c) : TimeSpan.Zero;
        return delay > MinDelay ? delay : MinDelay;
    }

    /// <summary>Hosts are told apart by scheme, name and port, as the per-host circuit breakers are.</summary>
    public static string HostKey(Uri url) => $"{url.Scheme}://{url.IdnHost.ToLowerInvariant()}:{url.Port}";
}
