using MinistryMonitor.Core.Stages;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Hosting;
using static MinistryMonitor.IntegrationTests.Subscriptions.SubscriberTestData;

namespace MinistryMonitor.IntegrationTests.Subscriptions;

/// <summary>
/// Subscribers end to end: the pipeline on Azurite mails through a real SMTP server on loopback, and the web host
/// (monitor serve's Kestrel on loopback, on the same storage) answers the links in those e-mails.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SubscriberMailTests
{
    [Fact]
    public async Task AlertEmail_ViaSmtp_CarriesUnsubscribeHeadersBothPartsAndTheOneClickPostUnsubscribes()
    {
        var port = FreePort();
        await using var harness = await StartAsync(port, [TestData.Subscriber("analyst@example.org", "lachin-corridor")]);

        await harness.RunCycleAsync();

        var mail = Assert.Single(harness.Smtp.Messages);
        var unsubscribe = mail.Headers["List-Unsubscribe"]!;
        Assert.StartsWith($"<http://127.0.0.1:{port}/unsubscribe/", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Traffic through the *Lachin corridor* must resume", mail.TextBody);
        Assert.NotNull(mail.HtmlBody);
        Assert.Matches("<mark [^>]*>Lachin corridor</mark>", mail.HtmlBody);
        Assert.Contains("Statement on &lt;transport&gt;", mail.HtmlBody);
        Assert.Contains($"http://127.0.0.1:{port}/statements/mfa/", mail.TextBody);
        Assert.Contains($"Manage your alerts: http://127.0.0.1:{port}/subscriptions/manage/", mail.TextBody);

        await using var web = await StartWebAsync(harness, port);
        using var http = new HttpClient();
        var url = unsubscribe.Trim('<', '>');
        var page = await http.GetStringAsync(url);
        Assert.Contains("<button type=\"submit\">Unsubscribe</button>", page);
        var subscription = await harness.Get<ISubscriptionStore>().GetAsync(Subscription.IdOf("analyst@example.org"), CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Active, subscription!.Status); // a GET (a mail scanner) changes nothing

        // What a mailbox provider sends for RFC 8058 one-click: a form POST with no cookies.
        using var oneClick = await http.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        subscription = await harness.Get<ISubscriptionStore>().GetAsync(Subscription.IdOf("analyst@example.org"), CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Unsubscribed, subscription!.Status);

        harness.Site.Set("news/", ListingWithSecond);
        harness.Site.Set("news/2.html", Statement("The Lachin corridor was discussed again."));
        await harness.RunCycleAsync();
        Assert.Single(harness.Smtp.Messages);
    }

    [Fact]
    public async Task Subscribe_ViaApi_MailsOnlyTheConfirmationUntilConfirmedThenOwnInflectedTermsAlert()
    {
        var port = FreePort();
        await using var harness = await StartAsync(port, [], first: Statement("Стороны обсудили разблокирование Лачинского коридора."));
        await using var web = await StartWebAsync(harness, port);
        using var http = new HttpClient { BaseAddress = web.Address };

        using var subscribed = await http.PostAsJsonAsync("api/subscriptions", new { address = "reader@example.org", terms = new[] { "Лачинский коридор" } });
        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        var confirmation = Assert.Single(harness.Smtp.Messages);
        Assert.Equal("reader@example.org", confirmation.To.Mailboxes.Single().Address);
        var confirmUrl = Between(confirmation.TextBody!, $"http://127.0.0.1:{port}/subscriptions/confirm/", ' ');

        // Not confirmed yet: the statement is archived but nothing is sent to the address.
        await harness.RunCycleAsync();
        Assert.Single(harness.Smtp.Messages);

        var token = confirmUrl.Split('/').Last();
        using var forged = await http.PostAsync($"api/subscriptions/confirm/{token[..^2]}xx", null);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        using var wrongPurpose = await http.PostAsync($"api/subscriptions/unsubscribe/{token}", null);
        Assert.Equal(HttpStatusCode.NotFound, wrongPurpose.StatusCode);
        var confirmPage = await http.GetStringAsync(confirmUrl);
        Assert.Contains("<button type=\"submit\">Confirm</button>", confirmPage);
        using var confirmed = await http.PostAsync($"api/subscriptions/confirm/{token}", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("active", (await confirmed.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["status"].ToString());

        harness.Site.Set("news/", ListingWithSecond);
        harness.Site.Set("news/2.html", Statement("Министр заявил, что по Лачинскому коридору достигнута договорённость."));
        await harness.RunCycleAsync();

        Assert.Equal(2, harness.Smtp.Messages.Count);
        var alert = harness.Smtp.Messages[1];
        Assert.Equal("reader@example.org", alert.To.Mailboxes.Single().Address);
        Assert.StartsWith("[Лачинский коридор]", alert.Subject);
        Assert.Matches("<mark [^>]*>Лачинскому коридору</mark>", alert.HtmlBody);
    }

    [Fact]
    public async Task Unsubscribe_TokenOfOneAddress_LeavesEveryOtherAddressSubscribed()
    {
        var port = FreePort();
        await using var harness = await StartAsync(port,
            [TestData.Subscriber("a@example.org", "lachin-corridor"), TestData.Subscriber("b@example.org", "lachin-corridor")]);
        await harness.RunCycleAsync();
        var toA = harness.Smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "a@example.org");
        await using var web = await StartWebAsync(harness, port);
        using var http = new HttpClient();

        using var done = await http.PostAsync(toA.Headers["List-Unsubscribe"]!.Trim('<', '>'), null);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var store = harness.Get<ISubscriptionStore>();
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await store.GetAsync(Subscription.IdOf("a@example.org"), CancellationToken.None))!.Status);
        Assert.Equal(SubscriptionStatus.Active, (await store.GetAsync(Subscription.IdOf("b@example.org"), CancellationToken.None))!.Status);
        using var forged = await http.PostAsync($"http://127.0.0.1:{port}/unsubscribe/dS4xMjM0LjA.bm90LWEtc2lnbmF0dXJl", null);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // B's manage link shows B's subscription only, and changes it through the JSON API.
        var toB = harness.Smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "b@example.org");
        var manage = Between(toB.TextBody!, $"http://127.0.0.1:{port}/subscriptions/manage/", ' ');
        var managePage = await http.GetStringAsync(manage);
        Assert.Contains("b@example.org", managePage);
        Assert.DoesNotContain("a@example.org", managePage);
        using var changed = await http.PutAsJsonAsync($"http://127.0.0.1:{port}/api/subscriptions/manage/{manage.Split('/').Last()}",
            new { mode = "weekly", hour = 7, timeZone = "Asia/Baku", terms = new[] { "peace treaty" } });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var b = (await store.GetAsync(Subscription.IdOf("b@example.org"), CancellationToken.None))!;
        Assert.Equal((DeliveryMode.Weekly, 7, "Asia/Baku", SubscriptionStatus.Active), (b.Mode, b.Hour, b.TimeZone, b.Status));
        using var badZone = await http.PutAsJsonAsync($"http://127.0.0.1:{port}/api/subscriptions/manage/{manage.Split('/').Last()}", new { timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Contains("Mars/Olympus", await badZone.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RunCycle_PermanentRefusal_MarksBouncingTellsOperatorsAndUsesOneConnectionForTheBatch()
    {
        await using var harness = await StartAsync(FreePort(),
            [TestData.Subscriber("a@example.org", "lachin-corridor"), TestData.Subscriber("b@example.org", "lachin-corridor"), TestData.Subscriber("gone@example.org", "lachin-corridor")]);
        harness.Smtp.RejectRecipient("gone@example.org");
        var sessionsBefore = harness.Smtp.Sessions; // the start-up probe connects too

        var summary = await harness.RunCycleAsync();

        Assert.Equal(0, summary.Failed); // a 5xx is not retried
        Assert.Equal(["a@example.org", "b@example.org"], harness.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(1, harness.Smtp.Sessions - sessionsBefore);
        var gone = await harness.Get<ISubscriptionStore>().GetAsync(Subscription.IdOf("gone@example.org"), CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Bouncing, gone!.Status);
        // The runner hands the operator-alerts queue to the operator alert log after each cycle.
        var told = await harness.Get<IOperatorAlertLog>().ReadRecentAsync(50, CancellationToken.None);
        Assert.Contains(told, r => r.Alert.Kind == Bounces.OperatorAlertKind && r.Alert.Message.Contains("gone@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Digest_DueAtTheSubscribersHour_ArrivesOnceViaSmtp()
    {
        await using var harness = await StartAsync(FreePort(), []);
        var store = harness.Get<ISubscriptionStore>();
        await store.SaveAsync(new Subscription
        {
            Address = "daily@example.org", Topics = ["lachin-corridor"], Mode = DeliveryMode.Daily, Hour = 9, TimeZone = "Asia/Baku",
            Status = SubscriptionStatus.Active, CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

        await harness.RunCycleAsync();
        Assert.Empty(harness.Smtp.Messages);

        // Tomorrow 09:30 in Baku (UTC+4): the digest of the period that ended at 09:00 is due.
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var time = new FakeTimeProvider(new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(5, 30)), TimeSpan.Zero));
        var digests = ActivatorUtilities.CreateInstance<DigestStage>(harness.Services, time);
        Assert.Equal(1, await digests.RunAsync(CancellationToken.None));
        Assert.Equal(0, await digests.RunAsync(CancellationToken.None));

        var digest = Assert.Single(harness.Smtp.Messages);
        Assert.StartsWith($"Daily digest, {tomorrow:yyyy-MM-dd}: 1 alert on Lachin corridor", digest.Subject);
        Assert.Contains("== Lachin corridor ==", digest.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Webhook_ReceiverFailsTwiceThenSucceeds_GetsTheAlertExactlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var harness = await StartAsync(FreePort(), [], settings: new() { ["Fetch:AllowPrivateNetworks"] = "true" });
        var hook = new Subscription
        {
            Address = "ops@example.org", Topics = ["lachin-corridor"], Webhook = receiver.Url, WebhookSecret = "receiver-secret",
            Status = SubscriptionStatus.Active, CreatedAt = DateTimeOffset.UtcNow,
        };
        await harness.Get<ISubscriptionStore>().SaveAsync(hook, CancellationToken.None);

        await harness.RunCycleAsync();
        var alert = Assert.Single(await harness.AlertsAsync());
        await harness.DispatchAsync(QueueNames.Alerts, alert); // redelivered

        var requests = receiver.Requests.ToList();
        Assert.Equal([500, 500, 200], requests.Select(r => r.Status));
        Assert.Single(requests.Select(r => r.DeliveryId).Distinct());
        Assert.All(requests, r => Assert.True(WebhookPayload.Verify("receiver-secret", r.Body, r.Signature)));
        Assert.Equal(alert.AlertId, PipelineJson.Deserialize<AlertMessage>(requests[^1].Body, "webhook").AlertId);
        Assert.Empty(harness.Smtp.Messages);
    }

    private static Task<PipelineHarness> StartAsync(int webPort, object[] subscribers, string? first = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["Web:PublicBaseUrl"] = $"http://127.0.0.1:{webPort}/" };
        return PipelineHarness.StartAsync(
            [TestData.ListingSource("mfa", "news/", "a")],
            [new { id = "lachin-corridor", name = "Lachin corridor", terms = new[] { "Lachin corridor", "Лачинский коридор" } }],
            subscribers,
            settings: all,
            beforeStart: site =>
            {
                site.Set("news/", Listing);
                site.Set("news/1.html", first ?? Statement("Traffic through the Lachin corridor must resume."));
            });
    }

    /// <summary><c>monitor serve</c> on the port the e-mails' links name, on the harness's storage, files and SMTP server.</summary>
    private static Task<LocalWebServer> StartWebAsync(PipelineHarness harness, int port) =>
        LocalWebServer.StartAsync(harness.Options, port, CancellationToken.None);
}
