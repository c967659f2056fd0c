namespace MinistryMonitor.Core.Storage;

/// <summary>
/// Another worker holds the claim on an effect (it is doing it now, or died doing it and its lease has not run
/// out). Nothing was done; the message is retried, and the retry finds the effect done or the claim expired.
/// </summary>
public sealed class ClaimHeldException(OnceKey key)
    : Exception($"{key} is claimed by another worker; it will be retried once that claim is completed or expires.")
{
    public OnceKey Key { get; } = key;
}
