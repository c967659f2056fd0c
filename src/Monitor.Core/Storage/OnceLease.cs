namespace MinistryMonitor.Core.Storage;

/// <summary>
/// How long a claim in the <see cref="IOnceLedger"/> holds before another worker may take it over and repeat the
/// effect: longer than the effect can take, shorter than a crashed worker's message takes to come back
/// (<c>LocalRunner:ClaimLeaseSeconds</c>).
/// </summary>
public sealed record OnceLease(TimeSpan Duration);
