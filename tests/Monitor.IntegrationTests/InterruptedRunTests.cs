using System.Collections.Concurrent;
using Azure.Storage.Queues.Models;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.IntegrationTests;

/// <summary>A run that is stopped, killed or slow does not hold up the next one.</summary>
[Trait("Category", "Slow")]
public sealed class InterruptedRunTests
{
    private const string EmptyFeed = """<rss version="2.0"><channel><title>MFA</title></channel></rss>""";

    [Fact]
    public async Task RunCycle_CancelledWhileAMessageIsHandled_HandsTheMessageBackAtOnce()
    {
        await using var slow = new SlowHttpServer(EmptyFeed);
        await using var harness = await StartAsync(slow);
        using var stop = new CancellationTokenSource();

        var cycle = harness.Runner.RunCycleAsync(allSources: true, stop.Token);
        await slow.Requested.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cycle);

        // Without the hand-back the message would stay invisible for the whole lease (30 s).
        QueueMessage[] visible = await harness.Queue(QueueNames.Discover).ReceiveMessagesAsync(1, TimeSpan.FromSeconds(5));
        var message = Assert.Single(visible);
        Assert.Equal("mfa", PipelineJson.Deserialize<DiscoverRequest>(message.Body.ToString(), QueueNames.Discover).SourceId);
    }

    [Fact]
    public async Task Drain_MessageLeasedByAKilledRun_SaysSoAndHandlesItWhenTheLeaseEnds()
    {
        await using var harness = await PipelineHarness.StartAsync([TestData.FeedSource("mfa", "feed.xml")], [TestData.Topic("t", "Lachin corridor")], [],
            beforeStart: site => site.Set("feed.xml", EmptyFeed, "application/rss+xml"));
        await harness.Queue(QueueNames.Discover).SendMessageAsync(PipelineJson.Serialize(new DiscoverRequest("mfa", DateTimeOffset.UtcNow)));
        // The killed run: it took the message and never came back.
        _ = await harness.Queue(QueueNames.Discover).ReceiveMessagesAsync(1, TimeSpan.FromSeconds(3));
        var reports = new ConcurrentQueue<CycleProgress>();

        var summary = await harness.Runner.DrainAsync(CancellationToken.None, new Reporter(reports.Enqueue));

        Assert.Equal(1, summary.Processed);
        var waiting = Assert.Single(reports.Select(r => r.Waiting).Where(w => w is not null).Distinct());
        Assert.Contains("1 messages are leased by another run", waiting);
        Assert.Contains("within 30 s", waiting);
        Assert.Equal(1, reports.Last().HandledByQueue[QueueNames.Discover]);
    }

    [Fact]
    public async Task RunCycle_HandlingOutlastsTheLease_LeaseIsRenewedSoNoOneElseGetsTheMessage()
    {
        await using var slow = new SlowHttpServer(EmptyFeed);
        await using var harness = await StartAsync(slow);
        var runner = harness.Runner;
        // The shortest lease a queue takes (whole seconds): the emulator's clock is real, so this test waits in real
        // time, and only as long as it must to outlive the lease twice over.
        runner.Lease = TimeSpan.FromSeconds(1);

        var cycle = runner.RunCycleAsync(allSources: true, CancellationToken.None);
        await slow.Requested.WaitAsync(TimeSpan.FromSeconds(60));
        // Another consumer looks for two and a half leases' worth of time while the page is still loading.
        var visible = 0;
        for (var deadline = DateTime.UtcNow + 2.5 * runner.Lease; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            PeekedMessage[] seen = await harness.Queue(QueueNames.Discover).PeekMessagesAsync(1);
            visible += seen.Length;
        }
        slow.Release();
        var summary = await cycle;

        Assert.Equal(0, visible);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(1, summary.Processed);
    }

    private static Task<PipelineHarness> StartAsync(SlowHttpServer slow) => PipelineHarness.StartAsync(
        [new { id = "mfa", name = "MFA", language = "en", feed = slow.UrlOf("feed.xml").AbsoluteUri }],
        [TestData.Topic("t", "Lachin corridor")],
        [],
        settings: new Dictionary<string, string?> { ["Fetch:AttemptTimeoutSeconds"] = "60", ["Fetch:TotalTimeoutSeconds"] = "120" });

    private sealed class Reporter(Action<CycleProgress> report) : IProgress<CycleProgress>
    {
        public void Report(CycleProgress value) => report(value);
    }
}
