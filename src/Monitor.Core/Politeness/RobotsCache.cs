using System.Collections.Concurrent;

namespace Monitor.Core.Politeness;

/// <summary>
/// robots.txt per host, kept for a day (RFC 9309 asks for no longer) and, when it could not be read, for a few
/// minutes only, so a site's brief outage does not block it for a day. One load per host at a time.
/// </summary>
public sealed class RobotsCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.Ordinal);

    /// <param name="load">Fetches and parses the host's robots.txt; says whether the result is a real answer (cached for a day) or a failure.</param>
    public async Task<RobotsTxt> GetAsync(Uri url, Func<Uri, CancellationToken, Task<(RobotsTxt Robots, bool Failed)>> load, CancellationToken cancellationToken)
    {
        var key = PolitenessSettings.HostKey(url);
        while (true)
        {
            var lazy = _entries.GetOrAdd(key, _ => new Lazy<Task<Entry>>(() => LoadAsync(url, load, cancellationToken)));
            Entry entry;
            try
            {
                entry = await lazy.Value;
            }
            catch
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy));
                throw;
            }
            if (entry.Expires > time.GetUtcNow()) return entry.Robots;
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy));
        }
    }

    private async Task<Entry> LoadAsync(Uri url, Func<Uri, CancellationToken, Task<(RobotsTxt Robots, bool Failed)>> load, CancellationToken cancellationToken)
    {
        var robotsUrl = new Uri(url, "/robots.txt");
        var (robots, failed) = await load(robotsUrl, cancellationToken);
        return new Entry(robots, time.GetUtcNow() + (failed ? FailureLifetime : Lifetime));
    }

    private sealed record Entry(RobotsTxt Robots, DateTimeOffset Expires);
}
