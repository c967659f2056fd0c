using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.IntegrationTests;

[Trait("Category", "Slow")]
public sealed class SourceFailureTests
{
    [Fact]
    public async Task RunCycle_OneSiteAnswers500_LogsTheFailureAndArchivesTheOtherSources()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("down", "down/", "a"), TestData.ListingSource("up", "up/", "a")],
            [TestData.Topic("t", "anything")],
            [],
            beforeStart: site =>
            {
                site.Fail("down/", 500);
                site.Set("up/", "<html><body><a href=\"/up/1.html\">1</a></body></html>");
                site.Set("up/1.html", "<html><body><article><p>Statement one.</p></article></body></html>");
            });

        var summary = await harness.RunCycleAsync();

        Assert.Equal(0, summary.Poisoned);
        var log = await harness.LogAsync();
        var failure = Assert.Single(log, e => e.SourceId == "down");
        Assert.Equal((IngestionOutcome.HttpError, 500), (failure.Outcome, failure.HttpStatus));
        Assert.Contains("500", failure.Error);
        Assert.Contains(log, e => e.SourceId == "up" && e.Kind == "discover" && e.Outcome == IngestionOutcome.Ok && e.ItemsNew == 1);
        Assert.Equal("up", Assert.Single(await harness.StatementsAsync()).SourceId);
    }

    [Fact]
    public async Task RunCycle_StatementPageBrokenThenRepaired_IsArchivedOnTheNextCycle()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [TestData.Topic("lachin-corridor", "Lachin corridor")],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor")],
            settings: new Dictionary<string, string?> { ["LocalRunner:MaxDequeueCount"] = "2" },
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1.html\">1</a></body></html>");
                site.Fail("news/1.html", 503);
            });

        var first = await harness.RunCycleAsync();
        Assert.Equal(1, first.Poisoned);
        Assert.Empty(await harness.StatementsAsync());
        Assert.Contains(await harness.LogAsync(), e => e.Kind == "page" && e.HttpStatus == 503);

        harness.Site.Set("news/1.html", "<html><body><article><p>The Lachin corridor must stay open.</p></article></body></html>");
        var second = await harness.RunCycleAsync();

        Assert.Equal(0, second.Poisoned);
        Assert.Single(await harness.StatementsAsync());
        Assert.Equal("lachin-corridor", Assert.Single(await harness.AlertsAsync()).TopicId);
        Assert.Single(harness.Smtp.Messages);
    }

    [Fact]
    public async Task RunCycle_ListingFindsNothingThreeTimesThenRecovers_MailsTheOperatorsOnceEachWayAndKeepsTheAlertsListed()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("redesigned", "news/", "a.news-link")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["Operators:Emails"] = "ops@example.org; oncall@example.org" },
            beforeStart: site => site.Set("news/", "<html><body><a class=\"item\" href=\"/news/1.html\">1</a></body></html>"));

        for (var cycle = 0; cycle < 5; cycle++) await harness.RunCycleAsync();
        var failing = Assert.Single(await harness.Get<IOperatorAlertLog>().ReadRecentAsync(50, CancellationToken.None));
        Assert.Equal((OperatorAlert.SourceFailing, "redesigned", 3), (failing.Alert.Kind, failing.Alert.SourceId, failing.Alert.ConsecutiveFailures));
        Assert.Contains("found no statements", failing.Alert.Message);
        Assert.Equal("ops@example.org, oncall@example.org", failing.MailedTo);
        Assert.Equal(["oncall@example.org", "ops@example.org"], harness.Smtp.Messages.Select(m => m.To.ToString()).Order());
        Assert.Equal(0, await harness.QueueLengthAsync(QueueNames.OperatorAlerts));

        harness.Site.Set("news/", "<html><body><a class=\"news-link\" href=\"/news/1.html\">1</a></body></html>");
        harness.Site.Set("news/1.html", "<html><body><article><p>Back.</p></article></body></html>");
        await harness.RunCycleAsync();
        await harness.RunCycleAsync();

        var alerts = await harness.Get<IOperatorAlertLog>().ReadRecentAsync(50, CancellationToken.None);
        Assert.Equal([OperatorAlert.SourceRecovered, OperatorAlert.SourceFailing], alerts.Select(a => a.Alert.Kind));
        Assert.Equal(4, harness.Smtp.Messages.Count);
        Assert.Equal(2, harness.Smtp.Messages.Count(m => (m.Subject ?? string.Empty).Contains("Recovered: redesigned", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DeliverAsync_SameOperatorAlertDeliveredTwice_RecordsAndMailsItOnce()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("mfa", "feed/")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["Operators:Emails"] = "ops@example.org" });
        var alert = new OperatorAlert(OperatorAlert.SourceBlocked, "mfa", "MFA: <script>alert(1)</script> is blocked", 1, DateTimeOffset.UtcNow);
        var json = PipelineJson.Serialize(alert);

        await harness.Queue(QueueNames.OperatorAlerts).SendMessageAsync(json);
        await harness.Queue(QueueNames.OperatorAlerts).SendMessageAsync(json);
        var handled = await harness.Get<OperatorAlertDelivery>().DeliverAsync(CancellationToken.None);

        Assert.Equal(2, handled);
        var record = Assert.Single(await harness.Get<IOperatorAlertLog>().ReadRecentAsync(50, CancellationToken.None));
        Assert.Equal("ops@example.org", record.MailedTo);
        var mail = Assert.Single(harness.Smtp.Messages);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
    }

    [Fact]
    public async Task DeliverAsync_SmtpDownThenUp_KeepsTheAlertQueuedAndMailsItOnceLater()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("mfa", "feed/")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["Operators:Emails"] = "ops@example.org, oncall@example.org" });
        harness.Smtp.RefuseRecipient("oncall@example.org");
        await harness.Queue(QueueNames.OperatorAlerts).SendMessageAsync(PipelineJson.Serialize(
            new OperatorAlert(OperatorAlert.SourceFailing, "mfa", "MFA failed 3 times", 3, DateTimeOffset.UtcNow)));

        Assert.Equal(0, await harness.Get<OperatorAlertDelivery>().DeliverAsync(CancellationToken.None));
        var pending = Assert.Single(await harness.Get<IOperatorAlertLog>().ReadRecentAsync(50, CancellationToken.None));
        Assert.Null(pending.MailedAt);
        Assert.Equal(1, await harness.QueueLengthAsync(QueueNames.OperatorAlerts));

        harness.Smtp.AcceptAll();
        Assert.Equal(1, await harness.Get<OperatorAlertDelivery>().DeliverAsync(CancellationToken.None));

        Assert.Equal(["oncall@example.org", "ops@example.org"], harness.Smtp.Messages.Select(m => m.To.ToString()).Order());
        Assert.NotNull(Assert.Single(await harness.Get<IOperatorAlertLog>().ReadRecentAsync(50, CancellationToken.None)).MailedAt);
    }

    [Fact]
    public async Task RunCycle_StatementPageIsEmpty_ArchivesTheRawPageAndLogsWhyItHasNoText()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [TestData.Topic("t", "anything")],
            [],
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1.html\">1</a></body></html>");
                site.Set("news/1.html", "   ");
            });

        var summary = await harness.RunCycleAsync();

        Assert.Equal(0, summary.Poisoned);
        var statement = Assert.Single(await harness.StatementsAsync());
        Assert.Equal("   ", await harness.ReadArchiveAsync(statement.VersionPath(1, "html")));
        Assert.Equal(string.Empty, await harness.ReadArchiveAsync(statement.VersionPath(1, "txt")));
        Assert.Contains("\"extractionMethod\":\"failed\"", await harness.ReadArchiveAsync(statement.VersionPath(1, "json")));
        var page = Assert.Single(await harness.LogAsync(), e => e.Kind == "page");
        Assert.Equal(IngestionOutcome.InvalidContent, page.Outcome);
        Assert.Contains("empty", page.Error);
    }

    [Fact]
    public async Task RunCycle_FeedIsNotXml_LogsInvalidContentWithTheParserMessage()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("broken-feed", "feed/")],
            [TestData.Topic("t", "anything")],
            [],
            beforeStart: site => site.Set("feed/", "<rss><channel><item><title>Cut off", "application/rss+xml"));

        await harness.RunCycleAsync();

        var entry = Assert.Single(await harness.LogAsync());
        Assert.Equal(IngestionOutcome.InvalidContent, entry.Outcome);
        Assert.Contains("XML", entry.Error);
        Assert.Equal(0, await harness.QueueLengthAsync(QueueNames.PoisonOf(QueueNames.Discover)));
    }

    [Fact]
    public async Task RunCycle_NothingChanged_SecondVisitIsNotModifiedWithNoBody()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [ListingWithoutRechecks("mfa", "news/"), TestData.FeedSource("press", "feed/")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["LocalRunner:ScheduleMinutes"] = "1" },
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1.html\">1</a></body></html>");
                site.Set("news/1.html", "<html><body><article><p>Statement one.</p></article></body></html>");
                site.Set("feed/", """
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Press</title>
                    <item><title>One</title><link>/press/1</link><guid>p1</guid><content:encoded><![CDATA[<p>Press release one.</p>]]></content:encoded></item>
                    </channel></rss>
                    """, "application/rss+xml");
            });

        // The first visit archives and keeps the validators with the statements it queued; the second finds those
        // archived and sends the validators: a 304, as is every visit after it.
        for (var cycle = 0; cycle < 3; cycle++) await harness.RunCycleAsync();

        var log = await harness.LogAsync();
        foreach (var (source, path) in new[] { ("press", "feed/"), ("mfa", "news/") })
        {
            var visits = log.Where(e => e.SourceId == source && e.Kind == "discover").OrderBy(e => e.StartedAt).ToList();
            Assert.Equal([IngestionOutcome.Ok, IngestionOutcome.NotModified, IngestionOutcome.NotModified], visits.Select(e => e.Outcome));
            Assert.All(visits.Skip(1), v => Assert.Equal((304, 0L), (v.HttpStatus, v.Bytes)));
            Assert.Equal((3, 2), (harness.Site.HitsOf(path), harness.Site.NotModifiedOf(path)));
        }
        Assert.Equal(1, harness.Site.HitsOf("news/1.html"));
        Assert.Equal(2, (await harness.StatementsAsync()).Count);
        Assert.Empty(await harness.Get<IOperatorAlertLog>().ReadRecentAsync(50, CancellationToken.None));
    }

    [Fact]
    public async Task RunCycle_StatementFetchFailed_NextVisitReadsInFullAndArchivesItThenIsNotModified()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [ListingWithoutRechecks("mfa", "news/")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["LocalRunner:ScheduleMinutes"] = "1", ["LocalRunner:MaxDequeueCount"] = "2" },
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1.html\">1</a> <a href=\"/news/2.html\">2</a></body></html>");
                site.Set("news/1.html", "<html><body><article><p>Statement one.</p></article></body></html>");
                site.Fail("news/2.html", 503);
            });

        Assert.Equal(1, (await harness.RunCycleAsync()).Poisoned);
        harness.Site.Set("news/2.html", "<html><body><article><p>Statement two.</p></article></body></html>");
        await harness.RunCycleAsync();
        await harness.RunCycleAsync();

        var visits = (await harness.LogAsync()).Where(e => e.Kind == "discover").OrderBy(e => e.StartedAt).ToList();
        Assert.Equal([(IngestionOutcome.Ok, 2), (IngestionOutcome.Ok, 1), (IngestionOutcome.NotModified, 0)], visits.Select(e => (e.Outcome, e.ItemsNew)));
        Assert.Equal(1, harness.Site.NotModifiedOf("news/"));
        Assert.Equal(2, (await harness.StatementsAsync()).Count);
    }

    [Fact]
    public async Task RunCycle_RecheckedPageUnchanged_IsNotModifiedAndNotArchivedAgain()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [TestData.Topic("t", "anything")],
            [],
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1.html\">1</a></body></html>");
                site.Set("news/1.html", "<html><body><article><p>Statement one.</p></article></body></html>");
            });

        await harness.RunCycleAsync();
        await harness.RunCycleAsync();

        var pages = (await harness.LogAsync()).Where(e => e.Kind == "page").OrderBy(e => e.StartedAt).ToList();
        Assert.Equal([IngestionOutcome.Ok, IngestionOutcome.NotModified], pages.Select(e => e.Outcome));
        Assert.Equal(1, harness.Site.NotModifiedOf("news/1.html"));
        Assert.Equal(1, Assert.Single(await harness.StatementsAsync()).Version);
    }

    [Fact]
    public async Task RunCycle_PrivateNetworksNotAllowed_LoopbackSourceIsRefusedAndNeverFetched()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("internal", "feed/")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["Fetch:AllowPrivateNetworks"] = "false" },
            beforeStart: site => site.Set("feed/", "<rss><channel></channel></rss>", "application/rss+xml"));

        await harness.RunCycleAsync();

        var entry = Assert.Single(await harness.LogAsync());
        Assert.Equal(IngestionOutcome.Refused, entry.Outcome);
        Assert.Contains("(loopback, RFC 1122)", entry.Error);
        Assert.Equal(0, harness.Site.HitsOf("feed/"));
    }

    [Fact]
    public async Task Discover_ListingWithSeveralPages_QueuesTheFetchesWithGrowingVisibilityDelays()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["Fetch:MinDelayMilliseconds"] = "60000" },
            beforeStart: site => site.Set("news/", "<html><body>" + string.Concat(Enumerable.Range(1, 3).Select(i => $"<a href=\"/news/{i}.html\">{i}</a>")) + "</body></html>"));

        await harness.DispatchAsync(QueueNames.Discover, new DiscoverRequest("mfa", DateTimeOffset.UtcNow));

        // Whichever instance polls the queue, only the first fetch is visible now; the others a minute apart.
        Assert.Equal(3, await harness.QueueLengthAsync(QueueNames.Fetch));
        var visible = await harness.Queue(QueueNames.Fetch).PeekMessagesAsync(32);
        Assert.Single(visible.Value);
    }

    [Fact]
    public async Task RunCycle_ListingWithSeveralPages_SpacesTheFetchesToOneHost()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [TestData.Topic("t", "anything")],
            [],
            settings: new Dictionary<string, string?> { ["Fetch:MinDelayMilliseconds"] = "400" },
            beforeStart: site =>
            {
                site.Set("news/", "<html><body>" + string.Concat(Enumerable.Range(1, 3).Select(i => $"<a href=\"/news/{i}.html\">{i}</a>")) + "</body></html>");
                for (var i = 1; i <= 3; i++) site.Set($"news/{i}.html", $"<html><body><article><p>Statement {i}.</p></article></body></html>");
            });

        await harness.RunCycleAsync();

        var starts = (await harness.LogAsync()).OrderBy(e => e.StartedAt).Select(e => e.StartedAt).ToList();
        Assert.Equal(4, starts.Count);
        var gaps = starts.Zip(starts.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(350), $"requests to one host only {gap.TotalMilliseconds:0} ms apart"));
        Assert.Equal(3, (await harness.StatementsAsync()).Count);
    }

    [Fact]
    public async Task StartAsync_SourcesFileWithBadUrl_FailsNamingFileSourceAndField()
    {
        var error = await Assert.ThrowsAsync<ConfigurationFileException>(() => PipelineHarness.StartAsync(
            [new { id = "bad-source", name = "Bad", language = "en", feed = "not a url" }],
            [TestData.Topic("t", "anything")],
            []));

        Assert.Contains("sources.json", error.Message);
        Assert.Contains("'bad-source'", error.Message);
        Assert.Contains("'feed'", error.Message);
    }

    /// <summary>A listing source whose statement pages are never fetched again for edits (recheckHours 0).</summary>
    private static object ListingWithoutRechecks(string id, string path) =>
        new { id, name = id, language = "en", listing = new { url = "{{BASE}}" + path, links = "a" }, recheckHours = 0 };
}
