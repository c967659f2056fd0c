using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Storage;

/// <summary>
/// Raised alerts. An alert is recorded before it is pushed to the <c>alerts</c> queue and marked once it is there,
/// so a detect message redelivered after a crash re-sends only an alert that may not have reached the queue, and
/// re-sends it identical (same id, same <see cref="AlertMessage.RaisedAt"/>).
/// </summary>
public interface IAlertLedger
{
    /// <summary>True once the alert has been put on the queue.</summary>
    Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>Records the alert (a conditional insert); returns the alert as first recorded if an earlier attempt got there first.</summary>
    Task<AlertMessage> RecordRaisedAsync(AlertMessage alert, CancellationToken cancellationToken);

    /// <summary>Marks a recorded alert as put on the queue.</summary>
    Task MarkEnqueuedAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>The newest alerts first.</summary>
    Task<IReadOnlyList<AlertMessage>> ReadRecentAsync(int max, CancellationToken cancellationToken);
}
