namespace MinistryMonitor.Core.Storage;

/// <summary>The record of every fetch (Azure Table Storage in production).</summary>
public interface IIngestionLog
{
    Task RecordAsync(IngestionEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<IngestionEntry>> ReadRecentAsync(int max, CancellationToken cancellationToken);
}
