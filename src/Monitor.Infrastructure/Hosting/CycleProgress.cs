namespace MinistryMonitor.Infrastructure.Hosting;

/// <summary>Where a local cycle stands, reported as it goes (for the live view of <c>monitor run</c> and <c>demo</c>).</summary>
/// <param name="SourcesScheduled">Sources due in this cycle (queued for discovery).</param>
/// <param name="HandledByQueue">Messages handled so far, per queue (stage).</param>
/// <param name="Failed">Attempts that failed and will be retried.</param>
/// <param name="Poisoned">Messages moved to a poison queue.</param>
/// <param name="Waiting">Why the cycle is waiting, when it is (e.g. messages leased by a run that was killed).</param>
public sealed record CycleProgress(
    int SourcesScheduled,
    IReadOnlyDictionary<string, int> HandledByQueue,
    int Failed,
    int Poisoned,
    string? Waiting);
