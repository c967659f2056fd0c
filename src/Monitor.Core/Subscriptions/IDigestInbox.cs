using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// Alerts waiting for a subscriber's next daily or weekly digest (Table Storage in production). A digest takes
/// every alert filed before its period ended and removes them once sent, so an alert that arrives late rolls into
/// the next digest rather than being lost.
/// </summary>
public interface IDigestInbox
{
    /// <summary>Files an alert for a subscription; filing the same alert again changes nothing.</summary>
    Task AddAsync(string subscriptionId, AlertMessage alert, DateTimeOffset filedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertMessage>> ListAsync(string subscriptionId, DateTimeOffset filedBefore, CancellationToken cancellationToken);

    Task RemoveAsync(string subscriptionId, IEnumerable<string> alertIds, CancellationToken cancellationToken);
}
