using System.Collections.Concurrent;

namespace MinistryMonitor.Core.Politeness;

/// <summary>
/// The in-process half of per-host politeness: at most <see cref="PolitenessSettings.MaxConcurrentPerHost"/>
/// requests in flight to one host, and request starts spaced by the minimum delay (or the site's Crawl-delay).
/// Waiting requests go one spacing apart rather than all at once.
/// Across instances, the discover stage spaces a host's fetch messages with queue visibility delays.
/// A host that asked to be left alone (Retry-After) is deferred until then: its fetches are answered at once, without a
/// request and without waiting, and their messages come back when the host is ready.
/// </summary>
public sealed class HostThrottle(PolitenessSettings settings, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.Ordinal);

    /// <summary>Waits for a slot; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, TimeSpan? crawlDelay, CancellationToken cancellationToken)
    {
        var host = _hosts.GetOrAdd(PolitenessSettings.HostKey(url), _ => new Host(settings.MaxConcurrentPerHost));
        await host.Gate.WaitAsync(cancellationToken);
        try
        {
            // Whoever finds the host's next start time passed takes it; the others sleep until then and look again.
            // Measuring on waking (not reserving ahead) keeps the spacing even when a timer fires late.
            while (true)
            {
                TimeSpan wait;
                lock (host)
                {
                    var now = time.GetUtcNow();
                    if (now >= host.NextStart)
                    {
                        host.NextStart = now + settings.SpacingFor(crawlDelay);
                        return new Slot(host.Gate);
                    }
                    wait = host.NextStart - now;
                }
                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            host.Gate.Release();
            throw;
        }
    }

    /// <summary>No request to the host of <paramref name="url"/> before <paramref name="until"/> (a later deferral wins).</summary>
    public void DeferUntil(Uri url, DateTimeOffset until)
    {
        var host = _hosts.GetOrAdd(PolitenessSettings.HostKey(url), _ => new Host(settings.MaxConcurrentPerHost));
        lock (host)
        {
            if (until > host.DeferredUntil) host.DeferredUntil = until;
        }
    }

    /// <summary>Until when the host of <paramref name="url"/> asked to be left alone, or null when it may be fetched now.</summary>
    public DateTimeOffset? DeferredUntil(Uri url)
    {
        if (!_hosts.TryGetValue(PolitenessSettings.HostKey(url), out var host)) return null;
        lock (host)
        {
            return host.DeferredUntil > time.GetUtcNow() ? host.DeferredUntil : null;
        }
    }

    private sealed class Host(int concurrency)
    {
        public SemaphoreSlim Gate { get; } = new(concurrency, concurrency);
        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
        public DateTimeOffset DeferredUntil { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
