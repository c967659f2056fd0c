using System.Collections.Concurrent;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Fakes;

/// <summary>The claim ledger's rules in memory (the Table Storage one is tested against Azurite).</summary>
internal sealed class InMemoryOnceLedger(TimeProvider time) : IOnceLedger
{
    private readonly Lock _gate = new();
    private int _version;

    public ConcurrentDictionary<OnceKey, OnceRecord> Records { get; } = new();

    public Task<OnceClaim> ClaimAsync(OnceKey key, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Records.TryGetValue(key, out var current))
            {
                if (current.State == OnceState.Done) return Task.FromResult(new OnceClaim(ClaimOutcome.AlreadyDone, key, current.Owner, current.LeaseUntil, null));
                if (current.LeaseUntil > time.GetUtcNow())
                    return Task.FromResult(new OnceClaim(ClaimOutcome.HeldByOther, key, current.Owner, current.LeaseUntil, null));
            }
            Records[key] = new OnceRecord(key, OnceState.Pending, owner, leaseUntil, (current?.Attempts ?? 0) + 1, null);
            return Task.FromResult(new OnceClaim(ClaimOutcome.Claimed, key, owner, leaseUntil, (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public Task CompleteAsync(OnceClaim claim, CancellationToken cancellationToken)
    {
        lock (_gate) Records[claim.Key] = Records[claim.Key] with { State = OnceState.Done, DoneAt = time.GetUtcNow() };
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(OnceClaim claim, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Records.TryGetValue(claim.Key, out var current) && current.State == OnceState.Pending && current.Owner == claim.Owner)
                Records.TryRemove(claim.Key, out _);
        }
        return Task.CompletedTask;
    }

    public Task<OnceRecord?> GetAsync(OnceKey key, CancellationToken cancellationToken) =>
        Task.FromResult(Records.TryGetValue(key, out var r) ? r : null);
}
