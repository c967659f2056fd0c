using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests.Subscriptions;

namespace MinistryMonitor.Core.Tests.Stages;

/// <summary>Each (alert, recipient) e-mail is claimed before it is sent, so no concurrency or crash sends it twice.</summary>
public sealed class DeliverStageClaimTests
{
    private readonly SubscriptionWorld _world = new();

    [Fact]
    public async Task HandleAsync_ClaimLeftByADeadWorker_RetriedAfterTheLeaseThenSentOnce()
    {
        await _world.AddAsync("a@example.org");
        await _world.AddAsync("b@example.org");
        var dead = await _world.Once.ClaimAsync(DeliverStage.MailKey("alert-1", "a@example.org"), "dead-worker", _world.Time.GetUtcNow().AddMinutes(2), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AggregateException>(() => _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None));
        Assert.IsType<ClaimHeldException>(Assert.Single(error.InnerExceptions));
        Assert.Equal(["b@example.org"], _world.Mail.Sent.Select(m => m.To));

        _world.Time.Advance(TimeSpan.FromMinutes(3));
        var sent = await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal(["a@example.org", "b@example.org"], _world.Mail.Sent.Select(m => m.To).Order());
        Assert.Equal(OnceState.Done, (await _world.Once.GetAsync(dead.Key, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task HandleAsync_SameAlertEightTimesAtOnceOnOneStage_EachRecipientMailedOnce()
    {
        await _world.AddAsync("a@example.org");
        await _world.AddAsync("b@example.org");
        _world.Mail.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                // One stage instance, as the runner handles the copies of a batch side by side.
                return await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);
            }
            catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is ClaimHeldException))
            {
                return 0;
            }
        })).ToList();
        // Whoever holds a claim waits inside the SMTP exchange; every other worker finds the claims held and gives up.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(_world.Mail.Waiting >= 1 && workers.Count(w => w.IsCompleted) + _world.Mail.Waiting >= 8) && DateTime.UtcNow < deadline) await Task.Yield();
        _world.Mail.Gate.SetResult();
        await Task.WhenAll(workers);

        Assert.Equal(["a@example.org", "b@example.org"], _world.Mail.Sent.Select(m => m.To).Order());
    }

    [Fact]
    public async Task HandleAsync_CrashAfterClaimCompletedBeforeTheListingRow_RedeliveryWritesTheRowAndSendsNothing()
    {
        await _world.AddAsync("a@example.org");
        await _world.AddAsync("b@example.org");
        var key = DeliverStage.MailKey("alert-1", "a@example.org");
        await _world.Once.CompleteAsync(await _world.Once.ClaimAsync(key, "crashed", _world.Time.GetUtcNow().AddMinutes(2), CancellationToken.None), CancellationToken.None);
        // The crashed run's message comes back after its lease, not while a live worker may still be writing the row.
        _world.Time.Advance(TimeSpan.FromMinutes(10));

        var sent = await _world.Stage.HandleAsync(SubscriptionWorld.Alert(), CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal(["b@example.org"], _world.Mail.Sent.Select(m => m.To));
        Assert.Equal(["a@example.org", "b@example.org"], _world.Deliveries.Sent.Keys.Select(k => k.Item2).Order());
    }
}
