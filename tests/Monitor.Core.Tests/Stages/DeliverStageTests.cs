using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Configuration;
using Monitor.Core.Delivery;
using Monitor.Core.Detection;
using Monitor.Core.Messages;
using Monitor.Core.Stages;
using Monitor.Core.Storage;
using Monitor.Core.Tests.Fakes;

namespace Monitor.Core.Tests.Stages;

public sealed class DeliverStageTests
{
    private readonly RecordingMailSender _mail = new();
    private readonly InMemoryDeliveryLedger _ledger = new();
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryOnceLedger _once;
    private readonly MonitorConfiguration _configuration;
    private readonly DeliverStage _stage;

    public DeliverStageTests()
    {
        _once = new InMemoryOnceLedger(_time);
        var configuration = new MonitorConfiguration([], [new Topic("lachin-corridor", "Lachin corridor", ["Lachin corridor"])],
        [
            new Subscriber("a@example.org", "A", ["lachin-corridor"]),
            new Subscriber("b@example.org", "B", ["lachin-corridor"]),
            new Subscriber("c@example.org", "C", []),
        ]);
        _configuration = configuration;
        _stage = NewStage();
    }

    /// <summary>Another worker (another instance, as in another process) on the same ledgers.</summary>
    private DeliverStage NewStage() =>
        new(_configuration, _mail, _once, _ledger, new OnceLease(TimeSpan.FromMinutes(2)), _time, NullLogger<DeliverStage>.Instance);

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
    public async Task HandleAsync_ClaimLeftByADeadWorker_RetriedAfterTheLeaseThenSentOnce()
    {
        var dead = await _once.ClaimAsync(DeliverStage.MailKey("alert-1", "a@example.org"), "dead-worker", _time.GetUtcNow().AddMinutes(2), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AggregateException>(() => _stage.HandleAsync(Alert(), CancellationToken.None));
        Assert.IsType<ClaimHeldException>(Assert.Single(error.InnerExceptions));
        Assert.Equal(["b@example.org"], _mail.Sent.Select(m => m.To));

        _time.Advance(TimeSpan.FromMinutes(3));
        var sent = await NewStage().HandleAsync(Alert(), CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal(["a@example.org", "b@example.org"], _mail.Sent.Select(m => m.To).Order());
        Assert.Equal(OnceState.Done, (await _once.GetAsync(dead.Key, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task HandleAsync_SameAlertEightTimesAtOnceOnOneStage_EachRecipientMailedOnce()
    {
        _mail.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                // One stage instance, as the runner handles the copies of a batch side by side.
                return await _stage.HandleAsync(Alert(), CancellationToken.None);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is ClaimHeldException))
            {
                return 0;
            }
        })).ToList();
        // Two workers hold the two claims and wait inside the SMTP exchange; the six others found both held.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(_mail.Waiting == 2 && workers.Count(w => w.IsCompleted) == 6) && DateTime.UtcNow < deadline) await Task.Yield();
        Assert.Equal(2, _mail.Waiting);
        _mail.Gate.SetResult();
        // A worker that found a claim held fails (and is retried later); it never sends.
        await Task.WhenAll(workers);

        Assert.Equal(["a@example.org", "b@example.org"], _mail.Sent.Select(m => m.To).Order());
    }

    [Fact]
    public async Task HandleAsync_CrashAfterClaimCompletedBeforeTheListingRow_RedeliveryWritesTheRowAndSendsNothing()
    {
        var key = DeliverStage.MailKey("alert-1", "a@example.org");
        await _once.CompleteAsync(await _once.ClaimAsync(key, "crashed", _time.GetUtcNow().AddMinutes(2), CancellationToken.None), CancellationToken.None);

        var sent = await _stage.HandleAsync(Alert(), CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal(["b@example.org"], _mail.Sent.Select(m => m.To));
        Assert.Equal(["a@example.org", "b@example.org"], _ledger.Sent.Keys.Select(k => k.Item2).Order());
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
