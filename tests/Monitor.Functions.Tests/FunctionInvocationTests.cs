using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Functions.Functions;
using MinistryMonitor.Infrastructure.Hosting;
using MinistryMonitor.IntegrationTests;

namespace MinistryMonitor.Functions.Tests;

[Trait("Category", "Slow")]
public sealed class FunctionInvocationTests
{
    [Fact]
    public async Task Functions_InvokedAsTheHostWould_CarryAStatementFromTimerToEmail()
    {
        var storage = await TestAzurite.NewAccountAsync();
        await using var site = await LoopbackSite.StartAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        site.Set("feed.xml", Feed(site.BaseUrl), "application/rss+xml");
        var config = Directory.CreateTempSubdirectory("monitor-functions-").FullName;
        File.WriteAllText(Path.Combine(config, "sources.json"),
            $$"""{ "sources": [ { "id": "mfa", "name": "MFA", "language": "en", "feed": "{{site.UrlOf("feed.xml")}}" } ] }""");
        File.WriteAllText(Path.Combine(config, "topics.json"),
            """{ "topics": [ { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor"] } ] }""");
        File.WriteAllText(Path.Combine(config, "subscriptions.json"),
            """{ "subscribers": [ { "email": "analyst@example.org", "topics": ["lachin-corridor"] } ] }""");

        // The settings the Bicep sets on Azure; storage comes only from AzureWebJobsStorage, as there.
        using var host = await FunctionsApp.BuildAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["DISCOVER_SCHEDULE"] = "0 */5 * * * *",
            ["Monitor:SourcesFile"] = Path.Combine(config, "sources.json"),
            ["Monitor:TopicsFile"] = Path.Combine(config, "topics.json"),
            ["Monitor:SubscriptionsFile"] = Path.Combine(config, "subscriptions.json"),
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            // The site is on loopback, which the SSRF guard refuses by default.
            ["Fetch:AllowPrivateNetworks"] = "true",
            ["OPERATOR_NOTIFY_SCHEDULE"] = "0 */5 * * * *",
            ["Operators:Emails"] = "ops@example.org",
            ["Links:SigningKey"] = "functions-test-signing-key",
            ["Web:PublicBaseUrl"] = "https://monitor.example",
        });
        // What the started host does first (its hosted services): subscriptions.json into the subscriptions table.
        Assert.Equal(1, await host.Services.GetRequiredService<SubscriptionImporter>().ImportAsync(CancellationToken.None));

        await Create<ScheduleFunction>(host).Run(new TimerInfo(), CancellationToken.None);
        Assert.Equal(1, await DeliverQueueAsync(storage, QueueNames.Discover, m => Create<DiscoverFunction>(host).Run(m, CancellationToken.None)));
        Assert.Equal(1, await DeliverQueueAsync(storage, QueueNames.Fetch, m => Create<FetchFunction>(host).Run(m, CancellationToken.None)));
        Assert.Equal(1, await DeliverQueueAsync(storage, QueueNames.Detect, m => Create<DetectFunction>(host).Run(m, CancellationToken.None)));
        Assert.Equal(1, await DeliverQueueAsync(storage, QueueNames.Alerts, m => Create<DeliverFunction>(host).Run(m, CancellationToken.None)));

        var statement = Assert.Single(await host.Services.GetRequiredService<IStatementIndex>().ListAsync(null, CancellationToken.None).ToListAsync());
        Assert.Equal(1, statement.Version);
        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("Lachin corridor", mail.TextBody);
        Assert.StartsWith("<https://monitor.example/unsubscribe/", mail.Headers["List-Unsubscribe"]);

        // The digest timer resolves through the same container; nobody takes digests here, so nothing goes out.
        await Create<DigestFunction>(host).Run(new TimerInfo(), CancellationToken.None);
        Assert.Single(smtp.Messages);

        // Nothing failed, so the poison watch has nothing to report.
        Assert.Empty(await Create<PoisonWatch>(host).CheckAsync(CancellationToken.None));

        // The operator-alerts timer records and mails what waits on its queue, once even if the tick repeats.
        await host.Services.GetRequiredService<IMessageQueue>().SendAsync(QueueNames.OperatorAlerts,
            new OperatorAlert(OperatorAlert.SourceFailing, "mfa", "MFA: the last 3 discoveries failed", 3, DateTimeOffset.UtcNow), CancellationToken.None);
        await Create<NotifyOperatorsFunction>(host).Run(new TimerInfo(), CancellationToken.None);
        await Create<NotifyOperatorsFunction>(host).Run(new TimerInfo(), CancellationToken.None);
        Assert.Equal(["analyst@example.org", "ops@example.org"], smtp.Messages.Select(m => m.To.ToString()).Order());
        var recorded = Assert.Single(await host.Services.GetRequiredService<IOperatorAlertLog>().ReadRecentAsync(10, CancellationToken.None));
        Assert.Equal("ops@example.org", recorded.MailedTo);

        // A timer tick right after: the source is not due yet, so nothing is queued.
        await Create<ScheduleFunction>(host).Run(new TimerInfo(), CancellationToken.None);
        Assert.Equal(0, await DeliverQueueAsync(storage, QueueNames.Discover, _ => Task.CompletedTask));
        Directory.Delete(config, recursive: true);
    }

    private static T Create<T>(IHost host) => ActivatorUtilities.CreateInstance<T>(host.Services);

    /// <summary>What the Functions host does for a queue trigger: receive, invoke, delete on success.</summary>
    private static async Task<int> DeliverQueueAsync(string storage, string queueName, Func<string, Task> invoke)
    {
        var queue = new QueueClient(storage, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var delivered = 0;
        foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
        {
            await invoke(message.Body.ToString());
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            delivered++;
        }
        return delivered;
    }

    private static string Feed(Uri baseUrl) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>MFA</title><link>{{baseUrl}}</link>
            <item>
              <title>On the Lachin corridor</title>
              <link>{{baseUrl}}statements/1</link>
              <guid isPermaLink="false">statement-1</guid>
              <pubDate>Tue, 25 Jul 2023 09:00:00 +0000</pubDate>
              <content:encoded><![CDATA[<p>The Lachin corridor must remain open.</p><p>Other matters were discussed.</p>]]></content:encoded>
            </item>
          </channel>
        </rss>
        """;
}
