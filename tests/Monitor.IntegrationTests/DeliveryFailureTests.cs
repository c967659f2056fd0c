using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.IntegrationTests;

[Trait("Category", "Slow")]
public sealed class DeliveryFailureTests
{
    private const string Statement = "<html><body><article><h1>Statement</h1><p>Traffic through the Lachin corridor must resume.</p></article></body></html>";

    [Fact]
    public async Task RunCycle_SmtpRefusesOneRecipientForAWhile_EachRecipientGetsTheAlertExactlyOnce()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [TestData.Topic("lachin-corridor", "Lachin corridor")],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor"), TestData.Subscriber("editor@example.org", "lachin-corridor")],
            settings: new Dictionary<string, string?> { ["LocalRunner:MaxDequeueCount"] = "20", ["LocalRunner:RetryDelaySeconds"] = "0.1" },
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1.html\">1</a></body></html>");
                site.Set("news/1.html", Statement);
            });
        harness.Smtp.RefuseRecipient("editor@example.org");

        var cycle = harness.RunCycleAsync();
        await WaitUntilAsync(() => harness.Smtp.Refusals >= 2);
        harness.Smtp.AcceptAll();
        var summary = await cycle;

        Assert.True(summary.Failed >= 2, $"expected the alert to be retried, saw {summary.Failed} failures");
        Assert.Equal(0, summary.Poisoned);
        Assert.Equal(["analyst@example.org", "editor@example.org"], harness.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(0, await harness.QueueLengthAsync(QueueNames.Alerts));
    }

    [Fact]
    public async Task RunCycle_SmtpDownLongerThanRetries_AlertKeptInPoisonQueueAndNothingSentTwice()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [TestData.Topic("lachin-corridor", "Lachin corridor")],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor")],
            settings: new Dictionary<string, string?> { ["LocalRunner:MaxDequeueCount"] = "3", ["LocalRunner:RetryDelaySeconds"] = "0.05" },
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1.html\">1</a></body></html>");
                site.Set("news/1.html", Statement);
            });
        harness.Smtp.RefuseRecipient("analyst@example.org");

        var summary = await harness.RunCycleAsync();

        Assert.Equal(1, summary.Poisoned);
        Assert.Empty(harness.Smtp.Messages);
        var poisoned = Assert.Single(await harness.Get<IPoisonQueues>().PeekPoisonedAsync(CancellationToken.None));
        Assert.Equal(QueueNames.Alerts, poisoned.Queue);
        Assert.Equal("lachin-corridor", PipelineJson.Deserialize<AlertMessage>(poisoned.Body, "test").TopicId);
        // The runner hands the poisoning to the operator notifier after the cycle: recorded (no operators to mail here).
        Assert.Equal(OperatorAlert.Poisoned, Assert.Single(await harness.Get<IOperatorAlertLog>().ReadRecentAsync(10, CancellationToken.None)).Alert.Kind);

        // What tells the operators on Azure, where the Functions host poisons silently: once, not at every check.
        var watch = harness.Get<PoisonWatch>();
        Assert.Contains("1 message(s) wait in alerts-poison", Assert.Single(await watch.CheckAsync(CancellationToken.None)).Message);
        Assert.Empty(await watch.CheckAsync(CancellationToken.None));

        // The operator requeues the alert once the mail server is back: it is delivered, once, even if requeued twice.
        harness.Smtp.AcceptAll();
        Assert.Equal(1, await harness.Get<IPoisonQueues>().RequeuePoisonedAsync(CancellationToken.None));
        await harness.Runner.DrainAsync(CancellationToken.None);
        await harness.Queue(QueueNames.Alerts).SendMessageAsync(poisoned.Body);
        await harness.Runner.DrainAsync(CancellationToken.None);
        Assert.Single(harness.Smtp.Messages);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within 60 s");
            await Task.Delay(20);
        }
    }
}
