using Monitor.Core.Messages;

namespace Monitor.Core.Storage;

/// <summary>Alerts already pushed to the <c>alerts</c> queue, so that a redelivered detect message raises none twice.</summary>
public interface IAlertLedger
{
    Task<bool> IsEnqueuedAsync(string alertId, CancellationToken cancellationToken);

    Task RecordEnqueuedAsync(AlertMessage alert, CancellationToken cancellationToken);

    /// <summary>The newest alerts first.</summary>
    Task<IReadOnlyList<AlertMessage>> ReadRecentAsync(int max, CancellationToken cancellationToken);
}
