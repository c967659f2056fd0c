using MinistryMonitor.Core.Archive;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Politeness;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests.Fakes;

namespace MinistryMonitor.Core.Tests.Stages;

/// <summary>
/// The discover stage logs and counts every entry it does not queue, and reads sitemap sources (an index, a news
/// sitemap, lastmod for rechecks). The real discover, fetch and archive stages and <see cref="PageFetcher"/> over
/// in-memory storage and an in-memory site.
/// </summary>
public sealed class DiscoverSkippedAndSitemapTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeSiteHandler _site = new();
    private readonly InMemoryStatementIndex _index = new();
    private readonly RecordingQueue _queue = new();
    private readonly InMemorySourceState _state = new();
    private readonly RecordingLogger<DiscoverStage> _logger = new();
    private DiscoverStage _discover = null!;
    private FetchStage _fetch = null!;
    private Source _source = null!;

    [Fact]
    public async Task HandleAsync_FeedOfFortyWithAJavascriptLink_LogsTheSkippedItemAndCountsItInTheRowAndHealth()
    {
        var items = string.Concat(Enumerable.Range(1, 40).Select(i => i == 7
            ? "<item><title>Bad</title><link>javascript:void(0)</link></item>"
            : $"<item><title>S{i}</title><link>https://mfa.example/news/{i}</link></item>"));
        _site.Set("/feed", $"<rss version=\"2.0\"><channel>{items}</channel></rss>", "application/rss+xml");
        Start(new Source("press", "Press", "en", new Uri(FakeSiteHandler.BaseUrl, "/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15)));

        var entry = await DiscoverAsync();

        Assert.Equal((39, 39, 1, "1: javascript: link"), (entry.ItemsFound, entry.ItemsNew, entry.ItemsSkipped, entry.Skipped));
        Assert.Contains(_logger.Lines, l => l.Contains("javascript:void(0)", StringComparison.Ordinal) && l.Contains("(javascript: link)", StringComparison.Ordinal));
        Assert.Equal("found 39, skipped 1: javascript: link", (await _state.ReadHealthAsync(default))["press"].LastSkipped);
    }

    [Fact]
    public async Task HandleAsync_SitemapIndex_QueuesTheRecentStatementsOfItsNewestChildAndSkipsOldAndOffSiteOnes()
    {
        _site.Set("/sitemap.xml", """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://mfa.example/sitemap-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
              <sitemap><loc>https://mfa.example/news-sitemap.xml</loc><lastmod>2026-11-29T07:00:00Z</lastmod></sitemap>
            </sitemapindex>
            """, "application/xml");
        _site.Set("/news-sitemap.xml", Urlset(
            ("https://mfa.example/news/1", "2026-11-29T06:00:00Z"), ("https://mfa.example/news/2", "2026-11-28T06:00:00Z"),
            ("https://mfa.example/news/old", "2026-09-01T06:00:00Z"), ("https://elsewhere.example/x", "2026-11-29T06:00:00Z"),
            ("https://mfa.example/news/1", "2026-11-29T06:00:00Z")), "application/xml");
        Start(SitemapSource());

        var entry = await DiscoverAsync();

        Assert.Equal((IngestionOutcome.Ok, 2, 2), (entry.Outcome, entry.ItemsFound, entry.ItemsNew));
        Assert.Equal(["https://mfa.example/news/1", "https://mfa.example/news/2"], _queue.On<FetchRequest>(QueueNames.Fetch).Select(r => r.Url.AbsoluteUri));
        Assert.Equal("1: child sitemap too old, 1: duplicate, 1: off-site (not in allowedHosts), 1: too old", entry.Skipped);
        Assert.Empty(_site.RequestsFor("/sitemap-2019.xml"));
    }

    [Fact]
    public async Task HandleAsync_SitemapLastmodNewerThanTheArchivedVersion_FetchesOnlyThatPageAgain()
    {
        _site.Set("/sitemap.xml", Urlset(("https://mfa.example/news/1", "2026-11-29T06:00:00Z"), ("https://mfa.example/news/2", "2026-11-29T06:30:00Z")), "application/xml");
        for (var i = 1; i <= 2; i++) _site.Set($"/news/{i}", $"<html><body><article><h1>Statement {i}</h1><p>The ministry states its position number {i} at some length.</p></article></body></html>");
        Start(SitemapSource());
        await DiscoverAsync();
        foreach (var request in _queue.On<FetchRequest>(QueueNames.Fetch).ToList()) await _fetch.HandleAsync(request, default);
        var before = _queue.On<FetchRequest>(QueueNames.Fetch).Count();

        var unchanged = await DiscoverAsync();
        Assert.Equal(before, _queue.On<FetchRequest>(QueueNames.Fetch).Count()); // no recheck while no lastmod moved
        _site.Set("/sitemap.xml", Urlset(("https://mfa.example/news/1", "2026-11-29T06:00:00Z"), ("https://mfa.example/news/2", _time.GetUtcNow().ToString("O"))), "application/xml");
        _time.Advance(TimeSpan.FromMinutes(1));
        await DiscoverAsync();

        var recheck = Assert.Single(_queue.On<FetchRequest>(QueueNames.Fetch).Skip(before));
        Assert.Equal(("https://mfa.example/news/2", true), (recheck.Url.AbsoluteUri, recheck.Recheck));
        Assert.Equal((2, 0), (unchanged.ItemsFound, unchanged.ItemsNew));
    }

    private static string Urlset(params (string Loc, string LastMod)[] urls) =>
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + string.Concat(urls.Select(u => $"<url><loc>{u.Loc}</loc><lastmod>{u.LastMod}</lastmod></url>")) + "</urlset>";

    private static Source SitemapSource() =>
        new("mfa", "MFA", "en", null, null, ExtractionSelectors.None, TimeSpan.FromMinutes(15), Sitemap: new Uri(FakeSiteHandler.BaseUrl, "/sitemap.xml"));

    private void Start(Source source)
    {
        _source = source;
        var configuration = new MonitorConfiguration([source], [], []);
        var politeness = new PolitenessSettings("MinistryMonitor/1.0 (+https://monitor.example/about)", TimeSpan.Zero, 2);
        var fetcher = new PageFetcher(new HttpClient(_site), new InMemoryValidatorStore(), new HostThrottle(politeness, _time), new RobotsCache(_time), politeness,
            FetchLimits.Default, _time, NullLogger<PageFetcher>.Instance);
        var blobs = new InMemoryBlobStore();
        var log = new InMemoryIngestionLog();
        _discover = new DiscoverStage(configuration, fetcher, _index, blobs, _queue, log, _state, _time,
            new CatchUp(fetcher, _index, _queue, NullLogger<CatchUp>.Instance), _logger);
        _fetch = RealFetchStage.Create(configuration, fetcher, _index, blobs, _queue, log, _state, _time);
    }

    private Task<IngestionEntry> DiscoverAsync()
    {
        _time.Advance(_source.Interval);
        return _discover.HandleAsync(new DiscoverRequest(_source.Id, _time.GetUtcNow()), default);
    }

    /// <summary>Keeps each formatted log line, to check what an operator reads.</summary>
    private sealed class RecordingLogger<T> : ILogger<T>
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
    }
}
