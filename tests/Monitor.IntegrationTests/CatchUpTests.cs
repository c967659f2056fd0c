using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// Catch-up after an outage, on the real pipeline: a feed (RSS with RFC 5005 <c>atom:link rel="next"</c>) or listing
/// (a <c>next</c> selector) whose first page is all new is read page by page until a known entry shows.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CatchUpTests
{
    private const string Rss = "application/rss+xml; charset=utf-8";

    [Fact]
    public async Task RunCycle_FirstPageAllNewWithAKnownEntryOnPage3_ReadsPages2And3AndNotPage4()
    {
        await using var harness = await StartFeedAsync(catchUpPages: null);
        Publish(harness, pages: [[2, 1], [0]]);
        await harness.RunCycleAsync();
        // A first visit reads one page: the monitor starts from now, it does not crawl the ministry's history.
        Assert.Equal(0, harness.Site.HitsOf("feed/2.xml"));

        // An outage: six statements appeared meanwhile, four of them no longer on the first page.
        Publish(harness, pages: [[8, 7], [6, 5], [4, 3, 2], [1, 0]]);
        await harness.RunCycleAsync();

        Assert.Equal((1, 1, 0), (harness.Site.HitsOf("feed/2.xml"), harness.Site.HitsOf("feed/3.xml"), harness.Site.HitsOf("feed/4.xml")));
        Assert.Equal(Enumerable.Range(1, 8).Select(Key), (await harness.StatementsAsync()).Select(s => s.ItemKey).Order());
        var log = await harness.LogAsync();
        Assert.Equal(["catch-up 2", "catch-up 3"], log.Where(e => e.Kind.StartsWith("catch-up", StringComparison.Ordinal)).Select(e => e.Kind).Order());
        Assert.Equal(2, log.Single(e => e.Kind == "catch-up 2").ItemsNew);
    }

    [Fact]
    public async Task RunCycle_CatchUpLongerThanTheBound_StopsAtTheBound()
    {
        await using var harness = await StartFeedAsync(catchUpPages: 2);
        Publish(harness, pages: [[2, 1]]);
        await harness.RunCycleAsync();

        Publish(harness, pages: [[8, 7], [6, 5], [4, 3, 2], [1, 0]]);
        await harness.RunCycleAsync();

        Assert.Equal((1, 0), (harness.Site.HitsOf("feed/2.xml"), harness.Site.HitsOf("feed/3.xml")));
        Assert.Equal(new[] { 1, 2, 5, 6, 7, 8 }.Select(Key), (await harness.StatementsAsync()).Select(s => s.ItemKey).Order());
    }

    [Fact]
    public async Task Dispatch_CatchUpPageRedelivered_ArchivesEachStatementOnceAndFollowsTheSameNextPage()
    {
        await using var harness = await StartFeedAsync(catchUpPages: null);
        Publish(harness, pages: [[2, 1]]);
        await harness.RunCycleAsync();
        Publish(harness, pages: [[8, 7], [6, 5], [4, 3, 2]]);

        var page2 = new DiscoverRequest("mfa", DateTimeOffset.UtcNow, harness.Site.UrlOf("feed/2.xml"), 2);
        await harness.DispatchAsync(QueueNames.Discover, page2);
        await harness.DispatchAsync(QueueNames.Discover, page2);
        await harness.Runner.DrainAsync(CancellationToken.None);

        var statements = await harness.StatementsAsync();
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }.Select(Key), statements.Select(s => s.ItemKey).Order());
        Assert.All(statements, s => Assert.Equal(1, s.Version));
        Assert.Equal(0, harness.Site.HitsOf("feed/4.xml"));
    }

    [Fact]
    public async Task RunCycle_ListingWithNextSelector_FollowsItUntilAKnownLink()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [new { id = "mfa", name = "MFA", language = "en", listing = new { url = "{{BASE}}news/", links = "a.s", next = ".pager a.older" } }],
            [TestData.Topic("lachin-corridor", "Lachin corridor")], []);
        Listing(harness, "news/", [2, 1], "news/p2/");
        await harness.RunCycleAsync();

        Listing(harness, "news/", [5, 4], "news/p2/");
        Listing(harness, "news/p2/", [3, 2], "news/p3/");
        Listing(harness, "news/p3/", [1], null);
        await harness.RunCycleAsync();

        Assert.Equal((1, 0), (harness.Site.HitsOf("news/p2/"), harness.Site.HitsOf("news/p3/")));
        Assert.Equal(5, (await harness.StatementsAsync()).Count);
    }

    private static Task<PipelineHarness> StartFeedAsync(int? catchUpPages) => PipelineHarness.StartAsync(
        [catchUpPages is { } n
            ? new { id = "mfa", name = "MFA", language = "en", feed = "{{BASE}}feed/1.xml", catchUpPages = n }
            : (object)new { id = "mfa", name = "MFA", language = "en", feed = "{{BASE}}feed/1.xml" }],
        [TestData.Topic("lachin-corridor", "Lachin corridor")], []);

    private static string Key(int n) => $"urn:statement:{n}";

    /// <summary>Serves the feed's pages, newest first, each naming the next with RFC 5005's atom:link rel="next".</summary>
    private static void Publish(PipelineHarness harness, int[][] pages)
    {
        for (var p = 0; p < pages.Length; p++)
        {
            var next = p + 1 < pages.Length ? $"<atom:link rel=\"next\" href=\"{harness.Site.UrlOf($"feed/{p + 2}.xml")}\"/>" : "";
            var items = string.Concat(pages[p].Where(n => n > 0).Select(n =>
                $"<item><title>Statement {n}</title><link>{harness.Site.UrlOf($"news/{n}.html")}</link><guid isPermaLink=\"false\">{Key(n)}</guid>" +
                $"<content:encoded><![CDATA[<p>Statement number {n} on consultations at expert level.</p>]]></content:encoded></item>"));
            harness.Site.Set($"feed/{p + 1}.xml",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">" +
                $"<channel><title>MFA</title>{next}{items}</channel></rss>", Rss);
        }
    }

    private static void Listing(PipelineHarness harness, string path, int[] statements, string? next)
    {
        harness.Site.Set(path, "<html><body><ul>" + string.Concat(statements.Select(n => $"<li><a class=\"s\" href=\"/news/{n}.html\">Statement {n}</a></li>")) + "</ul>"
            + (next is null ? "" : $"<div class=\"pager\"><a class=\"older\" href=\"/{next}\">Older</a></div>") + "</body></html>");
        foreach (var n in statements)
            harness.Site.Set($"news/{n}.html", $"<html><body><article><h1>Statement {n}</h1><p>Statement number {n} on consultations at expert level.</p></article></body></html>");
    }
}
