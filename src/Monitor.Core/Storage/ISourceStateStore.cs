namespace Monitor.Core.Storage;

/// <summary>Per-source state: when it was last scheduled (so the timer enqueues only due sources) and how it is faring.</summary>
public interface ISourceStateStore
{
    Task<DateTimeOffset?> GetLastScheduledAsync(string sourceId, CancellationToken cancellationToken);

    Task SetLastScheduledAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Counts discoveries that failed in a row; a healthy one resets the count. Returns the count before and after.</summary>
    Task<(int Before, int After)> RecordDiscoveryAsync(string sourceId, bool healthy, CancellationToken cancellationToken);
}
