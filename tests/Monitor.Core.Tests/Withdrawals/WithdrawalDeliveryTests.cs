using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Tests.Subscriptions;

namespace MinistryMonitor.Core.Tests.Withdrawals;

public sealed class WithdrawalDeliveryTests
{
    private readonly SubscriptionWorld _world = new();

    private static AlertMessage Notice(string kind = AlertMessage.WithdrawnKind, params string[] topics) =>
        SubscriptionWorld.Alert("notice-1") with
        {
            TopicId = "", TopicName = "", MentionCount = 0, Mentions = [], Kind = kind, Topics = topics.Length == 0 ? ["lachin-corridor"] : topics, Reason = "HTTP 404",
        };

    [Fact]
    public async Task HandleAsync_WithdrawnNoticeRedelivered_MailsEachSubscriberWhoWantsItOnce()
    {
        await _world.AddAsync("analyst@example.org");
        await _world.AddAsync("digest@example.org", s => s with { Mode = Core.Subscriptions.DeliveryMode.Daily });
        await _world.AddAsync("quiet@example.org", s => s with { Withdrawals = false });
        await _world.AddAsync("other@example.org", s => s with { Topics = ["peace-treaty"] });

        await _world.Stage.HandleAsync(Notice(), CancellationToken.None);
        await _world.Stage.HandleAsync(Notice(), CancellationToken.None);

        Assert.Equal(["analyst@example.org", "digest@example.org"], _world.Mail.Sent.Select(m => m.To).Order());
        Assert.All(_world.Mail.Sent, m => Assert.StartsWith("[Withdrawn] MFA of Russia: On <transport> & trade", m.Subject));
        Assert.All(_world.Mail.Sent, m => Assert.Contains("On &lt;transport&gt; &amp; trade", m.HtmlBody));
        Assert.Equal(0, _world.Inbox.Count);
    }

    [Fact]
    public async Task HandleAsync_RestoredNotice_IsMailedAsRestored()
    {
        await _world.AddAsync("analyst@example.org");

        await _world.Stage.HandleAsync(Notice(AlertMessage.RestoredKind), CancellationToken.None);

        Assert.StartsWith("[Restored]", Assert.Single(_world.Mail.Sent).Subject);
    }

    [Fact]
    public async Task HandleAsync_NoticeOfAStatementThatMentionedNoTopic_MailsNobody()
    {
        await _world.AddAsync("analyst@example.org");

        await _world.Stage.HandleAsync(Notice() with { Topics = [] }, CancellationToken.None);

        Assert.Empty(_world.Mail.Sent);
    }
}
