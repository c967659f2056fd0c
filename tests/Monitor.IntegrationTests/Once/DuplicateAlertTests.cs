using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.IntegrationTests.Once;

/// <summary>Copies of one alert on the queue, handled side by side by the real runner: each recipient is mailed once.</summary>
[Trait("Category", "Slow")]
public sealed class DuplicateAlertTests
{
    [Fact]
    public async Task Drain_EightCopiesOfAnAlertInOneBatch_EachRecipientMailedOnce()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.FeedSource("mfa", "feed/")],
            [TestData.Topic("lachin-corridor", "Lachin corridor")],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor"), TestData.Subscriber("editor@example.org", "lachin-corridor")],
            settings: new Dictionary<string, string?>
            {
                ["LocalRunner:BatchSize"] = "16",
                ["LocalRunner:Concurrency"] = "8",
                // A copy that finds the e-mail claimed is retried; the claim is completed long before it runs out of attempts.
                ["LocalRunner:RetryDelaySeconds"] = "0.5",
            });
        var alert = new AlertMessage(AlertMessage.CurrentSchemaVersion, "alert-dup-1", "lachin-corridor", "Lachin corridor", "mfa", "MFA",
            "s1", 1, false, "On transport", new Uri("https://mfa.example/1"), null, "mfa/2023/07/25/x/v001.txt", 1,
            [new AlertMention("Lachin corridor", "The Lachin corridor must reopen.", 0)], DateTimeOffset.UtcNow);
        for (var i = 0; i < 8; i++) await harness.Queue(QueueNames.Alerts).SendMessageAsync(PipelineJson.Serialize(alert));

        var summary = await harness.Runner.DrainAsync(CancellationToken.None);

        Assert.Equal(0, summary.Poisoned);
        Assert.Equal(["analyst@example.org", "editor@example.org"], harness.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(2, harness.Smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        foreach (var recipient in new[] { "analyst@example.org", "editor@example.org" })
        {
            var claim = await harness.Get<TableOnceLedger>().GetAsync(DeliverStage.MailKey(alert.AlertId, recipient), CancellationToken.None);
            Assert.Equal(OnceState.Done, claim!.State);
        }
        Assert.Equal(2, (await harness.Get<IDeliveryLedger>().ReadRecentAsync(10, CancellationToken.None)).Count);
    }
}
