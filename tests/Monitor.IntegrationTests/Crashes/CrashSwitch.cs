namespace MinistryMonitor.IntegrationTests.Crashes;

/// <summary>
/// Counts the side effects a host performs and "kills" it at the k-th: from then on every port throws and the host's
/// token is cancelled, so nothing more leaves the process, as if it had died there. Leases it held run out on their own.
/// </summary>
public sealed class CrashSwitch(int? killAt)
{
    /// <summary>The crash point right after the SMTP server accepted a mail, before the sender records it.</summary>
    public const string MailAcceptedNotRecorded = "mail accepted, not yet recorded";

    /// <summary>The crash point before the write that records a mail as sent (the claim's completion).</summary>
    public const string MailClaimCompleted = "complete mail";

    /// <summary>
    /// True for the crash points in the documented window: the server has the e-mail and the ledger does not know
    /// yet, so the retry sends it again (with the same Message-Id). No sender can close it: acceptance and the
    /// ledger write are two systems, and one of them has to come first.
    /// </summary>
    public static bool InMailWindow(string? diedAt) => diedAt is MailAcceptedNotRecorded or MailClaimCompleted;

    private readonly CancellationTokenSource _death = new();
    private readonly Lock _gate = new();
    private readonly List<string> _effects = [];

    /// <summary>Cancelled when the host dies; the runner is started with it.</summary>
    public CancellationToken Alive => _death.Token;

    public bool Dead => _death.IsCancellationRequested;

    /// <summary>Where the host died (the kind of side effect it was about to perform), or null.</summary>
    public string? DiedAt { get; private set; }

    /// <summary>Every side effect performed, in order (the reference run lists the crash points this way).</summary>
    public IReadOnlyList<string> Effects
    {
        get { lock (_gate) return _effects.ToArray(); }
    }

    /// <summary>Called before each side effect: dies if this is the k-th, or if already dead.</summary>
    public void Before(string effect)
    {
        lock (_gate)
        {
            ThrowIfDead();
            _effects.Add(effect);
            if (_effects.Count != killAt) return;
            DiedAt = effect;
            _death.Cancel();
        }
        throw new ProcessKilledException(effect, _death.Token);
    }

    /// <summary>Called before a read: a dead process reads nothing either.</summary>
    public void ThrowIfDead()
    {
        if (Dead) throw new ProcessKilledException(DiedAt!, _death.Token);
    }
}

/// <summary>What every port throws once the host is "dead". An <see cref="OperationCanceledException"/> on the
/// cancelled token, so the runner treats it as shutdown (no retry bookkeeping), as a real death would do nothing.</summary>
public sealed class ProcessKilledException(string effect, CancellationToken token)
    : OperationCanceledException($"Simulated crash before: {effect}", token);
