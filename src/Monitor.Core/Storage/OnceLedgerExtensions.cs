namespace MinistryMonitor.Core.Storage;

/// <summary>How <see cref="OnceLedgerExtensions.RunOnceAsync"/> ended.</summary>
public enum OnceResult
{
    /// <summary>This call performed the effect and recorded it done.</summary>
    Done,

    /// <summary>The effect had been done before; nothing was done now.</summary>
    AlreadyDone,

    /// <summary>Another worker holds an unexpired claim; nothing was done. Retry later (after the lease) to be sure it happens.</summary>
    HeldByOther,
}

public static class OnceLedgerExtensions
{
    /// <summary>
    /// Claims <paramref name="key"/>, performs <paramref name="act"/>, and records it done. <paramref name="act"/> gets
    /// an <c>accepted</c> callback to call the moment the receiver has accepted the effect (an SMTP server's reply to
    /// DATA, a webhook's 2xx), before any slow teardown, which keeps the window for a duplicate as short as it can be;
    /// if it never calls it, the effect is recorded done when <paramref name="act"/> returns. When
    /// <paramref name="act"/> throws before acceptance, the claim is released so a retry can act at once.
    /// </summary>
    /// <param name="lease">Longer than the effect can take: a claim still held after it may be taken over and the effect repeated.</param>
    public static async Task<OnceResult> RunOnceAsync(
        this IOnceLedger ledger,
        OnceKey key,
        string owner,
        TimeSpan lease,
        TimeProvider time,
        Func<Func<Task>, CancellationToken, Task> act,
        CancellationToken cancellationToken)
    {
        var claim = await ledger.ClaimAsync(key, owner, time.GetUtcNow() + lease, cancellationToken);
        switch (claim.Outcome)
        {
            case ClaimOutcome.AlreadyDone: return OnceResult.AlreadyDone;
            case ClaimOutcome.HeldByOther: return OnceResult.HeldByOther;
        }

        var completed = false;
        async Task Accepted()
        {
            if (completed) return;
            // Not cancellable: the effect happened, and forgetting that is the one thing that would repeat it.
            await ledger.CompleteAsync(claim, CancellationToken.None);
            completed = true;
        }

        try
        {
            await act(Accepted, cancellationToken);
        }
        catch (Exception failure) when (!completed)
        {
            // Not accepted, so it may be retried at once; if the release fails too, the lease runs out instead.
            try
            {
                await ledger.ReleaseAsync(claim, CancellationToken.None);
            }
            catch (Exception releaseFailure)
            {
                throw new AggregateException($"{key} failed, and its claim could not be released (it expires at {claim.LeaseUntil:O}).", failure, releaseFailure);
            }
            throw;
        }
        await Accepted();
        return OnceResult.Done;
    }

    /// <summary>An owner for one attempt (claims are not reentrant), naming the machine and process that left a claim behind.</summary>
    public static string NewOwner() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
