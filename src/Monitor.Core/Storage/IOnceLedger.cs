namespace MinistryMonitor.Core.Storage;

/// <summary>
/// Claims on side effects that leave the process and cannot be taken back (an e-mail, a webhook call, an operator
/// message), so that each is done by at most one worker at a time and, once done, never again.
/// </summary>
/// <remarks>
/// The discipline is <b>claim, act, complete</b>: <see cref="ClaimAsync"/> is a conditional insert (Table Storage
/// add, 409 when the row exists) recording <see cref="OnceState.Pending"/> with an owner and a lease; the caller then
/// performs the effect, and calls <see cref="CompleteAsync"/> as soon as the receiver has accepted it. A claim left
/// by a dead process is taken over only after its lease expires, and the effect is then done again: at least once,
/// never lost. The one window that can still repeat an effect is a crash between the receiver's acceptance and
/// <see cref="CompleteAsync"/>; receivers drop that duplicate by the stable id the effect carries (the Message-Id of
/// an e-mail, an idempotency key on a webhook), which is why <see cref="OnceKey"/> should be that id's source.
/// Use <see cref="OnceLedgerExtensions.RunOnceAsync"/> rather than calling the three methods by hand.
/// </remarks>
public interface IOnceLedger
{
    /// <summary>
    /// Takes the claim on <paramref name="key"/> for <paramref name="owner"/> until <paramref name="leaseUntil"/>:
    /// <see cref="ClaimOutcome.Claimed"/> when nobody holds it (or the holder's lease has expired),
    /// <see cref="ClaimOutcome.AlreadyDone"/> when the effect was completed, <see cref="ClaimOutcome.HeldByOther"/>
    /// when an unexpired claim is held, even by the same <paramref name="owner"/>: claims are not reentrant, so use a
    /// fresh owner per attempt (<see cref="OnceLedgerExtensions.NewOwner"/>), never one per process or per service.
    /// </summary>
    Task<OnceClaim> ClaimAsync(OnceKey key, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Marks the effect done, for good. Call it the moment the receiver accepted the effect.</summary>
    Task CompleteAsync(OnceClaim claim, CancellationToken cancellationToken);

    /// <summary>Gives up a claim whose effect certainly did not happen, so a retry need not wait for the lease. No-op if no longer held.</summary>
    Task ReleaseAsync(OnceClaim claim, CancellationToken cancellationToken);

    /// <summary>The recorded state of <paramref name="key"/>, or null when it was never claimed.</summary>
    Task<OnceRecord?> GetAsync(OnceKey key, CancellationToken cancellationToken);
}

/// <summary>
/// What is done once: <paramref name="Scope"/> names the kind of effect (<c>mail</c>, <c>webhook</c>,
/// <c>operator-mail</c>…; letters, digits and <c>-</c>), <paramref name="Id"/> the effect itself (for an alert
/// e-mail: alert id and recipient). Any characters are allowed in <paramref name="Id"/>.
/// </summary>
public readonly record struct OnceKey(string Scope, string Id)
{
    public override string ToString() => $"{Scope}/{Id}";
}

public enum ClaimOutcome
{
    Claimed,
    AlreadyDone,
    HeldByOther,
}

public enum OnceState
{
    /// <summary>Claimed; the effect may or may not have happened (the holder is acting, or died while acting).</summary>
    Pending,

    /// <summary>The receiver accepted the effect.</summary>
    Done,
}

/// <summary>The answer to a claim. <paramref name="Version"/> is the store's concurrency token (an ETag) of the claim row.</summary>
public sealed record OnceClaim(ClaimOutcome Outcome, OnceKey Key, string Owner, DateTimeOffset LeaseUntil, string? Version);

/// <summary>A claim as stored.</summary>
public sealed record OnceRecord(OnceKey Key, OnceState State, string Owner, DateTimeOffset LeaseUntil, int Attempts, DateTimeOffset? DoneAt);
