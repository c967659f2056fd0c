namespace Monitor.Core.Storage;

/// <summary>When each source was last scheduled, so the timer enqueues only sources that are due.</summary>
public interface ISourceStateStore
{
    Task<DateTimeOffset?> GetLastScheduledAsync(string sourceId, CancellationToken cancellationToken);

    Task SetLastScheduledAsync(string sourceId, DateTimeOffset at, CancellationToken cancellationToken);
}
