using MinistryMonitor.Core.Tests;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// Replays ten consecutive real snapshots of the State Department press feed (12–21, a stretch with four edits
/// after publication) as ten cycles against the real pipeline.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FeedReplayTests
{
    private const int First = 12;
    private const int Count = 10;
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    [Fact]
    public async Task RunCycle_TenSnapshots_ArchivesEveryItemOncePerContentVersionAndRerunAddsNothing()
    {
        var snapshots = SharedData.FeedSnapshots().Skip(First - 1).Take(Count).Select(SharedData.ReadFeedSnapshot).ToArray();
        Assert.Equal(Count, snapshots.Length);

        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("us-state-press", "rss-feed/press-releases/feed/")],
            [TestData.Topic("secretary", "Secretary Blinken"), TestData.Topic("china", "China", "PRC")],
            [TestData.Subscriber("desk@example.org", "secretary", "china")]);

        // The versions each guid should have: a new one whenever its text changed from the last one seen. Edits that
        // only add a link change the markup, not the text, and are not new versions. The text is taken here with a
        // crude tag strip, independent of the extractor under test.
        var expected = new Dictionary<string, List<(string Text, string Raw)>>();
        foreach (var snapshot in snapshots)
        {
            harness.Site.Set("rss-feed/press-releases/feed/", snapshot, "application/rss+xml; charset=UTF-8");
            var summary = await harness.RunCycleAsync();
            Assert.Equal(0, summary.Poisoned);
            foreach (var (guid, content) in Items(snapshot))
            {
                var versions = expected.TryGetValue(guid, out var v) ? v : expected[guid] = [];
                var text = PlainText(content);
                if (versions.Count == 0 || versions[^1].Text != text) versions.Add((text, content));
            }
        }

        var statements = await harness.StatementsAsync();
        Assert.Equal(expected.Keys.Order(), statements.Select(s => s.ItemKey).Order());
        Assert.Contains(expected.Values, v => v.Count > 1);
        foreach (var statement in statements)
        {
            var versions = expected[statement.ItemKey];
            Assert.Equal(versions.Count, statement.Version);
            for (var i = 0; i < versions.Count; i++)
                Assert.Equal(versions[i].Raw, await harness.ReadArchiveAsync(statement.VersionPath(i + 1, "html")));
            Assert.Null(await harness.ReadArchiveAsync(statement.VersionPath(versions.Count + 1, "html")));
            Assert.Equal(statement.Version, statement.DetectedVersion);
        }

        var blobs = await harness.ArchiveBlobsAsync();
        Assert.Equal(expected.Values.Sum(v => v.Count), blobs.Count(b => b.EndsWith(".txt", StringComparison.Ordinal)));
        var alerts = await harness.AlertsAsync();
        Assert.NotEmpty(alerts);
        Assert.Equal(alerts.Count, alerts.Select(a => a.AlertId).Distinct().Count());
        var mails = harness.Smtp.Messages.Count;
        Assert.Equal(alerts.Count, mails);

        // The same cycle again: discovery sees everything, archives nothing, alerts nothing.
        var rerun = await harness.RunCycleAsync();
        Assert.Equal(1, rerun.Processed);
        Assert.Equal(blobs.Count, (await harness.ArchiveBlobsAsync()).Count);
        Assert.Equal(alerts.Count, (await harness.AlertsAsync()).Count);
        Assert.Equal(mails, harness.Smtp.Messages.Count);
        var lastDiscovery = (await harness.LogAsync()).First(e => e.Kind == "discover");
        Assert.Equal((10, 0, 0), (lastDiscovery.ItemsFound, lastDiscovery.ItemsNew, lastDiscovery.ItemsChanged));
    }

    [Fact]
    public async Task Dispatch_SameMessagesRedelivered_WritesAndAlertsNothingTwice()
    {
        var snapshot = SharedData.ReadFeedSnapshot(SharedData.FeedSnapshots()[First - 1]);
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("us-state-press", "feed/")],
            [TestData.Topic("secretary", "Secretary Blinken")],
            [TestData.Subscriber("desk@example.org", "secretary")]);
        harness.Site.Set("feed/", snapshot, "application/rss+xml");
        await harness.RunCycleAsync();
        var blobs = (await harness.ArchiveBlobsAsync()).Count;
        var alerts = await harness.AlertsAsync();
        var mails = harness.Smtp.Messages.Count;
        Assert.NotEmpty(alerts);

        // At-least-once delivery: every kind of message arrives a second time.
        await harness.DispatchAsync(QueueNames.Discover, new DiscoverRequest("us-state-press", DateTimeOffset.UtcNow));
        var feedBlob = Assert.Single(await harness.Get<BlobStore>().ListAsync(BlobArea.Feeds, null, CancellationToken.None).ToListAsync());
        foreach (var statement in await harness.StatementsAsync())
        {
            await harness.DispatchAsync(QueueNames.Fetch, new FetchRequest(statement.SourceId, statement.StatementId, statement.ItemKey, statement.Url, feedBlob, DateTimeOffset.UtcNow));
            await harness.DispatchAsync(QueueNames.Detect, new DetectRequest(statement.SourceId, statement.StatementId, 1));
        }
        foreach (var alert in alerts) await harness.DispatchAsync(QueueNames.Alerts, alert);
        await harness.Runner.DrainAsync(CancellationToken.None);

        Assert.Equal(blobs, (await harness.ArchiveBlobsAsync()).Count);
        Assert.Equal(alerts.Count, (await harness.AlertsAsync()).Count);
        Assert.Equal(mails, harness.Smtp.Messages.Count);
        Assert.Equal(0, await harness.QueueLengthAsync(QueueNames.Alerts));
    }

    private static string PlainText(string html)
    {
        var inlineTagsGone = Regex.Replace(html, @"</?(a|span|strong|em|b|i|abbr|sup|sub)\b[^>]*>", string.Empty);
        var blocksAsSpaces = Regex.Replace(inlineTagsGone, "<[^>]+>", " ");
        return Regex.Replace(System.Net.WebUtility.HtmlDecode(blocksAsSpaces), @"\s+", " ").Trim();
    }

    private static IEnumerable<(string Guid, string Content)> Items(byte[] snapshot) =>
        XDocument.Parse(System.Text.Encoding.UTF8.GetString(snapshot)).Descendants("item")
            .Select(i => ((string)i.Element("guid")!, (string?)i.Element(Content + "encoded") ?? string.Empty));
}
