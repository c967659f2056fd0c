using System.Collections.Concurrent;

namespace MinistryMonitor.Core.Politeness;

/// <summary>
/// robots.txt per host, kept for a day (RFC 9309 asks for no longer) and, when it could not be read, for a few
/// minutes only (or as long as the host's Retry-After asks, up to a day), so a site's brief outage does not block it
/// for a day. One load per host at a time.
/// </summary>
public sealed class RobotsCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsAnswer>>> _entries = new(StringComparer.Ordinal);

    /// <param name="load">Fetches and parses the host's robots.txt (its URL is given): the rules, or why it could not be read.</param>
    public async Task<RobotsAnswer> GetAsync(Uri url, Func<Uri, CancellationToken, Task<(RobotsTxt Rules, RobotsFailure? Failure)>> load, CancellationToken cancellationToken)
    {
        var key = PolitenessSettings.HostKey(url);
        while (true)
        {
            var lazy = _entries.GetOrAdd(key, _ => new Lazy<Task<RobotsAnswer>>(() => LoadAsync(url, load, cancellationToken)));
            RobotsAnswer entry;
            try
            {
                entry = await lazy.Value;
            }
            catch
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<RobotsAnswer>>>(key, lazy));
                throw;
            }
            if (entry.Expires > time.GetUtcNow()) return entry;
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<RobotsAnswer>>>(key, lazy));
        }
    }

    private async Task<RobotsAnswer> LoadAsync(Uri url, Func<Uri, CancellationToken, Task<(RobotsTxt Rules, RobotsFailure? Failure)>> load, CancellationToken cancellationToken)
    {
        var robotsUrl = new Uri(url, "/robots.txt");
        var (rules, failure) = await load(robotsUrl, cancellationToken);
        var lifetime = failure is null ? Lifetime : FailureLifetimeOf(failure);
        return new RobotsAnswer(rules, failure, time.GetUtcNow() + lifetime);
    }

    // A host that says when to come back is asked again then (within a day), never sooner than the usual few minutes.
    private static TimeSpan FailureLifetimeOf(RobotsFailure failure) => failure.RetryAfter switch
    {
        { } r when r > Lifetime => Lifetime,
        { } r when r > FailureLifetime => r,
        _ => FailureLifetime,
    };
}
