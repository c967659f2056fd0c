using MinistryMonitor.Core.Archive;
using System.Net;
using System.Text;
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
/// The discover stage's validators: kept with the statements its read queued, sent once those are archived (so the
/// second unchanged cycle is a 304), and never while one of them is missing. The real discover, fetch and archive
/// stages and the real <see cref="PageFetcher"/>, over in-memory storage and an in-memory site.
/// </summary>
public sealed class DiscoverValidatorsTests
{
    private const string FeedPath = "/feed";
    private const string ListingPath = "/news/";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeSiteHandler _site = new();
    private readonly InMemoryStatementIndex _index = new();
    private readonly InMemoryBlobStore _blobs = new();
    private readonly RecordingQueue _queue = new();
    private readonly InMemoryIngestionLog _log = new();
    private readonly InMemoryValidatorStore _validators = new();
    private DiscoverStage _discover = null!;
    private FetchStage _fetch = null!;
    private Source _source = null!;
    private int _fetchMessagesHandled;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HandleAsync_FirstCycleArchivedEverything_SecondDiscoverySendsValidatorsAndGets304WithNoBody(bool feed)
    {
        Start(feed ? FeedSource() : ListingSource(recheck: TimeSpan.Zero), items: 3);

        var first = await DiscoverAsync();
        Assert.Equal((IngestionOutcome.Ok, 3), (first.Outcome, first.ItemsNew));
        Assert.Equal(3, (await StoredAsync())!.PendingStatements.Count);
        Assert.Equal((3, 0), await FetchQueuedAsync());
        var queuedBefore = _queue.On<FetchRequest>(QueueNames.Fetch).Count();
        var readsBefore = _index.Reads;

        var second = await DiscoverAsync();

        Assert.Equal((IngestionOutcome.NotModified, 304, 0L), (second.Outcome, second.HttpStatus, second.Bytes));
        var request = _site.RequestsFor(DiscoveryPath).Last();
        Assert.Equal((HttpStatusCode.NotModified, 0), (request.Status, request.BodyBytes));
        Assert.NotNull(request.IfNoneMatch);
        Assert.Equal(queuedBefore, _queue.On<FetchRequest>(QueueNames.Fetch).Count());
        Assert.Equal(3, _index.Reads - readsBefore); // one point read per pending statement, no more
        Assert.Empty((await StoredAsync())!.PendingStatements);
    }

    [Fact]
    public async Task HandleAsync_PendingStatementsVerified_LaterDiscoveriesReadNoIndexRow()
    {
        Start(FeedSource(), items: 3);
        await DiscoverAsync();
        await FetchQueuedAsync();
        await DiscoverAsync();
        var readsBefore = _index.Reads;

        var third = await DiscoverAsync();

        Assert.Equal(IngestionOutcome.NotModified, third.Outcome);
        Assert.Equal(readsBefore, _index.Reads);
    }

    [Fact]
    public async Task HandleAsync_StatementFetchFailedInFirstCycle_SecondDiscoveryReadsInFullAndQueuesItAgain()
    {
        Start(ListingSource(recheck: TimeSpan.Zero), items: 2);
        _site.Fail("/news/2.html", HttpStatusCode.ServiceUnavailable);
        await DiscoverAsync();
        Assert.Equal((1, 1), await FetchQueuedAsync());
        var failedId = Hashes.StatementId(_source.Id, new Uri(FakeSiteHandler.BaseUrl, "/news/2.html").AbsoluteUri);
        Assert.Null(await _index.GetAsync(_source.Id, failedId, default));

        var second = await DiscoverAsync();

        Assert.Equal((IngestionOutcome.Ok, 2, 1), (second.Outcome, second.ItemsFound, second.ItemsNew));
        var request = _site.RequestsFor(ListingPath).Last();
        Assert.Equal((null, HttpStatusCode.OK), (request.IfNoneMatch, request.Status));
        Assert.Equal(failedId, _queue.On<FetchRequest>(QueueNames.Fetch).Last().StatementId);
        Assert.Equal([failedId], (await StoredAsync())!.PendingStatements);

        // The site mends; the statement is archived, and only then does the listing cost a 304.
        _site.Set("/news/2.html", Page(2));
        Assert.Equal((1, 0), await FetchQueuedAsync());
        Assert.Equal(IngestionOutcome.NotModified, (await DiscoverAsync()).Outcome);
    }

    [Fact]
    public async Task HandleAsync_DiscoverMessageRedeliveredBeforeItsFetches_ReadsInFullAndQueuesTheSameStatementsAgain()
    {
        Start(FeedSource(), items: 2);
        var message = new DiscoverRequest(_source.Id, _time.GetUtcNow());
        await _discover.HandleAsync(message, default);
        var pending = (await StoredAsync())!.PendingStatements;

        var again = await _discover.HandleAsync(message, default);

        Assert.Equal((IngestionOutcome.Ok, 2), (again.Outcome, again.ItemsNew));
        Assert.Null(_site.RequestsFor(FeedPath).Last().IfNoneMatch);
        var queued = _queue.On<FetchRequest>(QueueNames.Fetch).ToList();
        Assert.Equal(4, queued.Count);
        Assert.Equal(2, queued.Select(q => q.StatementId).Distinct().Count());
        Assert.Equal(pending.Order(), (await StoredAsync())!.PendingStatements.Order());

        // Both copies of each fetch archive one version; the next discovery trusts the validators.
        Assert.Equal((4, 0), await FetchQueuedAsync());
        Assert.All(await _index.ListAsync(_source.Id, default).ToListAsync(), r => Assert.Equal(1, r.Version));
        Assert.Equal(IngestionOutcome.NotModified, (await DiscoverAsync()).Outcome);
    }

    [Fact]
    public async Task HandleAsync_ListingThatRechecksItsPages_KeepsNoValidatorsWhileThePagesAwaitTheirRecheck()
    {
        Start(ListingSource(recheck: TimeSpan.FromHours(48)), items: 2);
        await DiscoverAsync();
        Assert.Null(await StoredAsync());
        await FetchQueuedAsync();

        var second = await DiscoverAsync();

        Assert.Equal(IngestionOutcome.Ok, second.Outcome);
        Assert.Null(_site.RequestsFor(ListingPath).Last().IfNoneMatch);
        Assert.Equal(2, _queue.On<FetchRequest>(QueueNames.Fetch).Count(r => r.Recheck));
        Assert.Null(await StoredAsync());
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task HandleAsync_MoreNewStatementsThanThePendingCap_KeepsNoValidatorsUntilTheyAreArchived()
    {
        Start(FeedSource(), items: DiscoverStage.MaxPendingStatements + 1);

        var first = await DiscoverAsync();

        Assert.Equal(DiscoverStage.MaxPendingStatements + 1, first.ItemsNew);
        Assert.Null(await StoredAsync());
        await FetchQueuedAsync();
        Assert.Equal(IngestionOutcome.Ok, (await DiscoverAsync()).Outcome);
        Assert.Empty((await StoredAsync())!.PendingStatements);
        Assert.Equal(IngestionOutcome.NotModified, (await DiscoverAsync()).Outcome);
    }

    [Fact]
    public async Task HandleAsync_FeedItemEdited_KeepsTheOldValidatorsUntilTheEditIsArchived()
    {
        Start(FeedSource(), items: 2);
        await DiscoverAsync();
        await FetchQueuedAsync();
        await DiscoverAsync();
        var before = await StoredAsync();
        _site.Set(FeedPath, Feed(2, edited: 1), "application/rss+xml");

        var edited = await DiscoverAsync();

        Assert.Equal((IngestionOutcome.Ok, 0, 1), (edited.Outcome, edited.ItemsNew, edited.ItemsChanged));
        Assert.Equal(before, await StoredAsync());
    }

    private void Start(Source source, int items)
    {
        _source = source;
        if (source.Feed is not null) _site.Set(FeedPath, Feed(items), "application/rss+xml");
        else
        {
            _site.Set(ListingPath, "<html><body><ul>" + string.Concat(Enumerable.Range(1, items).Select(i => $"<li><a class=\"s\" href=\"/news/{i}.html\">Statement {i}</a></li>")) + "</ul></body></html>");
            for (var i = 1; i <= items; i++) _site.Set($"/news/{i}.html", Page(i));
        }
        var configuration = new MonitorConfiguration([source], [], []);
        var politeness = new PolitenessSettings("MinistryMonitor/1.0 (+https://monitor.example/about)", TimeSpan.Zero, 2);
        var fetcher = new PageFetcher(new HttpClient(_site), _validators, new HostThrottle(politeness, _time), new RobotsCache(_time), politeness,
            FetchLimits.Default, _time, NullLogger<PageFetcher>.Instance);
        _discover = new DiscoverStage(configuration, fetcher, _index, _blobs, _queue, _log, new InMemorySourceState(), _time,
            new CatchUp(fetcher, _index, _queue, NullLogger<CatchUp>.Instance), NullLogger<DiscoverStage>.Instance);
        _fetch = RealFetchStage.Create(configuration, fetcher, _index, _blobs, _queue, _log, new InMemorySourceState(), _time);
    }

    private string DiscoveryPath => _source.Feed is not null ? FeedPath : ListingPath;

    /// <summary>The next cycle's discovery, one source interval after the last.</summary>
    private Task<IngestionEntry> DiscoverAsync()
    {
        _time.Advance(_source.Interval);
        return _discover.HandleAsync(new DiscoverRequest(_source.Id, _time.GetUtcNow()), default);
    }

    private Task<HttpValidators?> StoredAsync() => _validators.GetAsync(_source.DiscoveryUrl, default);

    /// <summary>Handles the fetch messages queued since the last call, as the fetch stage's trigger does; a failed one stays failed (poisoned).</summary>
    private async Task<(int Handled, int Failed)> FetchQueuedAsync()
    {
        var messages = _queue.On<FetchRequest>(QueueNames.Fetch).Skip(_fetchMessagesHandled).ToList();
        _fetchMessagesHandled += messages.Count;
        var failed = 0;
        foreach (var message in messages)
        {
            try { await _fetch.HandleAsync(message, default); }
            catch (StatementFetchException) { failed++; }
        }
        return (messages.Count - failed, failed);
    }

    private static Source FeedSource() =>
        new("press", "Press", "en", new Uri(FakeSiteHandler.BaseUrl, FeedPath), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15));

    private static Source ListingSource(TimeSpan recheck) =>
        new("mfa", "MFA", "en", null, new SourceListing(new Uri(FakeSiteHandler.BaseUrl, ListingPath), "a.s"), ExtractionSelectors.None, TimeSpan.FromMinutes(15),
            RecheckWindow: recheck);

    private static string Page(int i) =>
        $"<html><head><title>Statement {i}</title></head><body><article><h1>Statement {i}</h1><p>The ministry states its position number {i} on the matter at some length.</p></article></body></html>";

    private static string Feed(int items, int edited = 0)
    {
        var xml = new StringBuilder("""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Press</title>""");
        for (var i = 1; i <= items; i++)
            xml.Append($"<item><title>Release {i}</title><link>https://mfa.example/press/{i}</link><guid>p{i}</guid>")
               .Append($"<content:encoded><![CDATA[<p>Press release number {i}{(i == edited ? ", as corrected" : "")}.</p>]]></content:encoded></item>");
        return xml.Append("</channel></rss>").ToString();
    }
}
