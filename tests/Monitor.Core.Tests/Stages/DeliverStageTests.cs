using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Configuration;
using Monitor.Core.Delivery;
using Monitor.Core.Detection;
using Monitor.Core.Messages;
using Monitor.Core.Stages;
using Monitor.Core.Tests.Fakes;

namespace Monitor.Core.Tests.Stages;

public sealed class DeliverStageTests
{
    private readonly RecordingMailSender _mail = new();
    private readonly InMemoryDeliveryLedger _ledger = new();
    private readonly DeliverStage _stage;

    public DeliverStageTests()
    {
        var configuration = new MonitorConfiguration([], [new Topic("lachin-corridor", "Lachin corridor", ["Lachin corridor"])],
        [
            new Subscriber("a@example.org", "A", ["lachin-corridor"]),
            new Subscriber("b@example.org", "B", ["lachin-corridor"]),
            new Subscriber("c@example.org", "C", []),
        ]);
        _stage = new DeliverStage(configuration, _mail, _ledger, new FakeTimeProvider(), NullLogger<DeliverStage>.Instance);
    }

    [Fact]
    public async Task HandleAsync_NewAlert_MailsEachSubscriberOfTheTopicOnly()
    {
        var sent = await _stage.HandleAsync(Alert(), CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Equal(["a@example.org", "b@example.org"], _mail.Sent.Select(m => m.To).Order());
    }

    [Fact]
    public async Task HandleAsync_Redelivered_MailsNobodyTwice()
    {
        await _stage.HandleAsync(Alert(), CancellationToken.None);

        var sent = await _stage.HandleAsync(Alert(), CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Equal(2, _mail.Sent.Count);
    }

    [Fact]
    public async Task HandleAsync_OneRecipientFails_ThrowsAndTheRetrySendsOnlyToThatRecipient()
    {
        _mail.Failing.Add("b@example.org");

        var error = await Assert.ThrowsAsync<AggregateException>(() => _stage.HandleAsync(Alert(), CancellationToken.None));
        Assert.Contains("1 recipient(s)", error.Message);
        Assert.Equal(["a@example.org"], _mail.Sent.Select(m => m.To));

        _mail.Failing.Clear();
        await _stage.HandleAsync(Alert(), CancellationToken.None);

        Assert.Equal(["a@example.org", "b@example.org"], _mail.Sent.Select(m => m.To));
    }

    [Fact]
    public async Task HandleAsync_AlertFromANewerSchema_IsRejectedAsInvalid()
    {
        await Assert.ThrowsAsync<InvalidMessageException>(() => _stage.HandleAsync(Alert() with { SchemaVersion = 99 }, CancellationToken.None));
        Assert.Empty(_mail.Sent);
    }

    private static AlertMessage Alert() => new(
        AlertMessage.CurrentSchemaVersion, "alert-1", "lachin-corridor", "Lachin corridor", "demo", "Demo MFA", "s1", 2, true,
        "On <transport>", new Uri("https://mfa.example/1"), new DateTimeOffset(2023, 7, 25, 9, 0, 0, TimeSpan.Zero), "demo/2023/07/25/x/v002.txt", 1,
        [new AlertMention("Lachin corridor", "Traffic through the Lachin corridor must resume.", 2)], DateTimeOffset.UnixEpoch);
}
