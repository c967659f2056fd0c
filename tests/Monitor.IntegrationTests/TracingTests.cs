using System.Collections.Concurrent;
using System.Diagnostics;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Tracing;

namespace MinistryMonitor.IntegrationTests;

[Trait("Category", "Slow")]
public sealed class TracingTests
{
    [Fact]
    public async Task RunCycle_StatementFromDiscoveryToEmail_OneTraceWithEachStageAChildOfThePrevious()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("traced-mfa", "feed.xml")],
            [TestData.Topic("lachin-corridor", "Lachin corridor")],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor")],
            beforeStart: site => site.Set("feed.xml", $$"""
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>MFA</title>
                  <item><title>On the Lachin corridor</title><link>{{site.UrlOf("s/1")}}</link><guid>s-1</guid>
                    <content:encoded><![CDATA[<p>The Lachin corridor must remain open.</p>]]></content:encoded></item>
                </channel></rss>
                """, "application/rss+xml"));

        await harness.RunCycleAsync();

        // Other tests run alongside and may be traced too: this test's source id picks out its own spans.
        var spans = stopped.Where(a => (string?)a.GetTagItem("monitor.source_id") == "traced-mfa").ToList();
        Activity Stage(string queue) => Assert.Single(spans, a => (string?)a.GetTagItem("messaging.destination.name") == queue);
        var (discover, fetch, detect, alerts) = (Stage(QueueNames.Discover), Stage(QueueNames.Fetch), Stage(QueueNames.Detect), Stage(QueueNames.Alerts));
        Assert.All([fetch, detect, alerts], span => Assert.Equal(discover.TraceId, span.TraceId));
        Assert.Equal(discover.SpanId, fetch.ParentSpanId);
        Assert.Equal(fetch.SpanId, detect.ParentSpanId);
        Assert.Equal(detect.SpanId, alerts.ParentSpanId);
        Assert.Single(harness.Smtp.Messages);
    }
}
