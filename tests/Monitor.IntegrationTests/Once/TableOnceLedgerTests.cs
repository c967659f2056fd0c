using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.IntegrationTests.Once;

/// <summary>The claim ledger against Azurite: the conditional writes are what makes "once" hold, so they are tested for real.</summary>
[Trait("Category", "Slow")]
public sealed class TableOnceLedgerTests(TableOnceLedgerTests.Storage storage) : IClassFixture<TableOnceLedgerTests.Storage>
{
    // One storage account for the class; each test has its own key, so they do not see each other's rows.
    private readonly OnceKey Key = new("mail", $"alert-{Guid.NewGuid():N}/analyst@example.org");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private TableOnceLedger Ledger => new(storage.Clients, _time);

    public sealed class Storage : IAsyncLifetime
    {
        public StorageClients Clients { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = await TestAzurite.NewAccountAsync() }), []);
            await Clients.Table(StorageClients.TableNames.Once).CreateIfNotExistsAsync();
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private DateTimeOffset In(int seconds) => _time.GetUtcNow().AddSeconds(seconds);

    [Fact]
    public async Task Claim_HeldByAnotherOwner_HeldByOtherUntilTheLeaseExpiresThenTakenOver()
    {
        Assert.Equal(ClaimOutcome.Claimed, (await Ledger.ClaimAsync(Key, "dead-process", In(60), default)).Outcome);

        Assert.Equal(ClaimOutcome.HeldByOther, (await Ledger.ClaimAsync(Key, "survivor", In(60), default)).Outcome);
        _time.Advance(TimeSpan.FromSeconds(61));
        var taken = await Ledger.ClaimAsync(Key, "survivor", In(60), default);

        Assert.Equal(ClaimOutcome.Claimed, taken.Outcome);
        var record = await Ledger.GetAsync(Key, default);
        Assert.Equal(("survivor", OnceState.Pending, 2), (record!.Owner, record.State, record.Attempts));
    }

    [Fact]
    public async Task Claim_SameOwnerAgainWhileHeld_HeldByOtherBecauseClaimsAreNotReentrant()
    {
        await Ledger.ClaimAsync(Key, "worker", In(60), default);

        Assert.Equal(ClaimOutcome.HeldByOther, (await Ledger.ClaimAsync(Key, "worker", In(60), default)).Outcome);
    }

    [Fact]
    public async Task Claim_AfterComplete_AlreadyDoneEvenWhenTheLeaseHasExpired()
    {
        var claim = await Ledger.ClaimAsync(Key, "first", In(60), default);
        await Ledger.CompleteAsync(claim, default);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ClaimOutcome.AlreadyDone, (await Ledger.ClaimAsync(Key, "second", In(60), default)).Outcome);
        Assert.Equal(OnceState.Done, (await Ledger.GetAsync(Key, default))!.State);
    }

    [Fact]
    public async Task Claim_AfterRelease_ClaimedAtOnceByAnother()
    {
        var claim = await Ledger.ClaimAsync(Key, "first", In(600), default);
        await Ledger.ReleaseAsync(claim, default);

        Assert.Equal(ClaimOutcome.Claimed, (await Ledger.ClaimAsync(Key, "second", In(600), default)).Outcome);
    }

    [Fact]
    public async Task Release_AfterTakeOver_LeavesTheNewOwnersClaim()
    {
        var stale = await Ledger.ClaimAsync(Key, "slow", In(10), default);
        _time.Advance(TimeSpan.FromSeconds(11));
        await Ledger.ClaimAsync(Key, "fast", In(600), default);

        await Ledger.ReleaseAsync(stale, default);

        Assert.Equal("fast", (await Ledger.GetAsync(Key, default))!.Owner);
    }

    [Fact]
    public async Task Claim_TwentyOwnersAtOnce_ExactlyOneClaims()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Ledger.ClaimAsync(Key, $"worker-{i}", In(60), default)));

        Assert.Single(claims, c => c.Outcome == ClaimOutcome.Claimed);
        Assert.Equal(19, claims.Count(c => c.Outcome == ClaimOutcome.HeldByOther));
    }

    [Fact]
    public async Task Claim_TwentyOwnersRaceForAnExpiredClaim_ExactlyOneTakesItOver()
    {
        await Ledger.ClaimAsync(Key, "dead-process", In(5), default);
        _time.Advance(TimeSpan.FromSeconds(6));

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Ledger.ClaimAsync(Key, $"worker-{i}", In(60), default)));

        Assert.Single(claims, c => c.Outcome == ClaimOutcome.Claimed);
    }

    [Fact]
    public async Task RunOnce_ActThrowsBeforeAcceptance_ReleasesSoTheRetryActs()
    {
        var acts = 0;
        await Assert.ThrowsAsync<IOException>(() => Ledger.RunOnceAsync(Key, "first", TimeSpan.FromMinutes(5), _time,
            (_, _) => { acts++; throw new IOException("421 service not available"); }, default));

        var result = await Ledger.RunOnceAsync(Key, "second", TimeSpan.FromMinutes(5), _time, (_, _) => { acts++; return Task.CompletedTask; }, default);

        Assert.Equal((OnceResult.Done, 2), (result, acts));
        Assert.Equal(OnceResult.AlreadyDone, await Ledger.RunOnceAsync(Key, "third", TimeSpan.FromMinutes(5), _time, (_, _) => { acts++; return Task.CompletedTask; }, default));
        Assert.Equal(2, acts);
    }

    [Fact]
    public async Task RunOnce_ActThrowsAfterAcceptance_StaysDone()
    {
        await Assert.ThrowsAsync<IOException>(() => Ledger.RunOnceAsync(Key, "first", TimeSpan.FromMinutes(5), _time,
            async (accepted, _) => { await accepted(); throw new IOException("connection reset during QUIT"); }, default));

        Assert.Equal(OnceState.Done, (await Ledger.GetAsync(Key, default))!.State);
    }

    [Fact]
    public async Task Claim_IdWithSlashesAndHashes_StoredAndListedUnchanged()
    {
        var scope = $"webhook-{Guid.NewGuid():N}";
        var key = new OnceKey(scope, "alert#7/https://example.org/hook?x=1");
        await Ledger.CompleteAsync(await Ledger.ClaimAsync(key, "o", In(60), default), default);

        var listed = Assert.Single(await Ledger.ListAsync(scope, default).ToListAsync());
        Assert.Equal(key, listed.Key);
    }
}
