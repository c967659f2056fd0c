using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Core.Tests.Subscriptions;

namespace MinistryMonitor.Core.Tests.Stages;

public sealed class DeliverStageTests
{
    private readonly SubscriptionWorld _world = new();

    [Fact]
    public async Task HandleAsync_NewAlert_MailsEachActiveSubscriberOfTheTopicOnly()
    {
        await _world.AddAsync("a@example.org");
        await _world.AddAsync("b@example.org");
        await _world.AddAsync("other@example.org", s => s with { Topics = [], Terms = ["peace treaty"] });
        await _world.AddAsync("pending@example.org", s => s with { Status = SubscriptionStatus.Pending });
        await _world.AddAsync("gone@example.org", s => s with { Status = SubscriptionStatus.Unsubscribed });

        var sent = await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Equal(["a@example.org", "b@example.org"], _world.Mail.Sent.Select(m => m.To).Order());
    }

    [Fact]
    public async Task HandleAsync_Email_CarriesOneClickUnsubscribeHeadersAndLinksForThatSubscriber()
    {
        var subscription = await _world.AddAsync("a@example.org");

        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        var email = Assert.Single(_world.Mail.Sent);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        var header = email.Headers["List-Unsubscribe"];
        Assert.StartsWith("<https://monitor.example/unsubscribe/", header);
        var token = header.Trim('<', '>').Split('/').Last();
        Assert.Equal(TokenCheck.Valid, _world.Links.Tokens.Check(token, TokenPurpose.Unsubscribe, out var id));
        Assert.Equal(subscription.Id, id);
        Assert.Contains("https://monitor.example/statements/ru-mfa/s-alert-1", email.TextBody);
        Assert.Contains("Manage your alerts: https://monitor.example/subscriptions/manage/", email.TextBody);
        Assert.DoesNotContain("v001.txt", email.TextBody);
        Assert.Contains("On &lt;transport&gt; &amp; trade", email.HtmlBody);
    }

    [Fact]
    public async Task HandleAsync_SourceAndLanguageFilters_AreHonoured()
    {
        await _world.AddAsync("ru-only@example.org", s => s with { Sources = ["ru-mfa"] });
        await _world.AddAsync("english@example.org", s => s with { Languages = ["en"] });

        await _world.Stage.HandleAsync(SubscriptionWorld.Alert("a1", source: "ru-mfa"), CancellationToken.None);
        await _world.Stage.HandleAsync(SubscriptionWorld.Alert("a2", source: "us-state"), CancellationToken.None);

        Assert.Equal(["ru-only@example.org:MFA of Russia", "english@example.org:U.S. State Department"],
            _world.Mail.Sent.Select(m => $"{m.To}:{m.Subject.Split("] ")[1].Split(':')[0]}"));
    }

    [Fact]
    public async Task HandleAsync_Redelivered_MailsNobodyTwice()
    {
        await _world.AddAsync("a@example.org");
        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        var sent = await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Single(_world.Mail.Sent);
    }

    [Fact]
    public async Task HandleAsync_TransientRefusal_ThrowsAndTheRetrySendsOnlyToThatRecipient()
    {
        await _world.AddAsync("a@example.org");
        await _world.AddAsync("b@example.org");
        _world.Mail.Failing.Add("b@example.org");

        var error = await Assert.ThrowsAsync<AggregateException>(() => _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None));
        Assert.Contains("1 subscription(s)", error.Message);
        Assert.Equal(["a@example.org"], _world.Mail.Sent.Select(m => m.To));

        _world.Mail.Failing.Clear();
        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        Assert.Equal(["a@example.org", "b@example.org"], _world.Mail.Sent.Select(m => m.To));
    }

    [Fact]
    public async Task HandleAsync_PermanentRefusal_MarksBouncingTellsOperatorsAndDoesNotRetry()
    {
        await _world.AddAsync("a@example.org");
        var bad = await _world.AddAsync("nobody@example.org");
        _world.Mail.Rejected.Add("nobody@example.org");

        var sent = await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        Assert.Equal(1, sent);
        var stored = await _world.Store.GetAsync(bad.Id, CancellationToken.None);
        Assert.Equal(SubscriptionStatus.Bouncing, stored!.Status);
        Assert.Contains("550", stored.LastError);
        var told = Assert.Single(_world.Queue.On<OperatorAlert>(QueueNames.OperatorAlerts));
        Assert.Equal(Bounces.OperatorAlertKind, told.Kind);
        Assert.Contains("nobody@example.org", told.Message);

        _world.Mail.Rejected.Clear();
        await _world.Stage.HandleAsync(SubscriptionWorld.Alert("alert-2"), CancellationToken.None);
        Assert.DoesNotContain(_world.Mail.Sent, m => m.To == "nobody@example.org");
    }

    [Fact]
    public async Task HandleAsync_DigestSubscriber_FilesTheAlertInsteadOfMailing()
    {
        await _world.AddAsync("daily@example.org", s => s with { Mode = DeliveryMode.Daily });

        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);
        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        Assert.Empty(_world.Mail.Sent);
        Assert.Equal(1, _world.Inbox.Count);
    }

    [Fact]
    public async Task HandleAsync_WebhookSubscriber_PostsSignedAlertJsonOnce()
    {
        var hook = await _world.AddAsync("hook@example.org", s => s with { Webhook = new Uri("https://hooks.example/x"), WebhookSecret = "s3cret" });

        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);
        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        var post = Assert.Single(_world.Webhooks.Posted);
        Assert.True(WebhookPayload.Verify("s3cret", post.Body, post.Signature));
        Assert.False(WebhookPayload.Verify("other", post.Body, post.Signature));
        var alert = PipelineJson.Deserialize<AlertMessage>(post.Body, "webhook");
        Assert.Equal(2, alert.SchemaVersion);
        Assert.Equal("alert-1", alert.AlertId);
        Assert.Empty(_world.Mail.Sent);
        Assert.NotNull(hook.WebhookSecret);
    }

    [Fact]
    public async Task HandleAsync_TextWebhook_PostsABodySlackAndTeamsAccept()
    {
        await _world.AddAsync("hook@example.org", s => s with { Webhook = new Uri("https://hooks.example/x"), WebhookSecret = "k", WebhookFormat = WebhookFormat.Text });

        await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        using var body = System.Text.Json.JsonDocument.Parse(Assert.Single(_world.Webhooks.Posted).Body);
        Assert.Equal(["text"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains("https://monitor.example/statements/ru-mfa/s-alert-1", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task HandleAsync_Edit_ShowsRemovedAndInsertedSentencesWithTheMentionHighlighted()
    {
        await _world.AddAsync("a@example.org");
        var alert = SubscriptionWorld.Alert(edit: true);
        var detector = new MentionDetector([SubscriptionWorld.Lachin]);
        var result = detector.Detect("Talks went well.\n\nTraffic must resume soon.", "Talks went well.\n\nTraffic through the Lachin corridor <must> resume.");
        await _world.Blobs.TryCreateAsync(BlobArea.Statements, alert.TextBlob.Replace(".txt", ".diff.json"), BinaryData.FromString(PipelineJson.Serialize(result)), "application/json", null, CancellationToken.None);

        await _world.Stage.HandleAsync(alert, CancellationToken.None);

        var email = Assert.Single(_world.Mail.Sent);
        Assert.Contains("What the edit changed", email.TextBody);
        Assert.Contains("  - Traffic must resume soon.", email.TextBody);
        Assert.Contains("  + Traffic through the *Lachin corridor* <must> resume.", email.TextBody);
        Assert.Matches("<del [^>]*>Traffic must resume soon.</del>", email.HtmlBody);
        Assert.Matches("through the <mark [^>]*>Lachin corridor</mark> &lt;must&gt; resume.", email.HtmlBody);
    }

    [Fact]
    public async Task HandleAsync_TwoCopiesSideBySide_MailOnceAndTheOtherCopyIsRetried()
    {
        await _world.AddAsync("a@example.org");
        var gate = new TaskCompletionSource();
        _world.Mail.Gate = gate;

        var first = _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);
        await _world.Mail.FirstAtGate.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await Record.ExceptionAsync(() => _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None));
        gate.SetResult();
        await first;

        Assert.IsType<AggregateException>(second); // the claim is held: the queue retries this copy later
        Assert.Single(_world.Mail.Sent);
        Assert.Equal(0, await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_AlertFromANewerSchema_IsRejectedAsInvalid()
    {
        await _world.AddAsync("a@example.org");
        await Assert.ThrowsAsync<InvalidMessageException>(() => _world.Stage.HandleAsync(SubscriptionWorld.Alert() with { SchemaVersion = 99 }, CancellationToken.None));
        Assert.Empty(_world.Mail.Sent);
    }
}
