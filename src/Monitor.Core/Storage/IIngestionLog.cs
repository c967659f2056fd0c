namespace Monitor.Core.Storage;

/// <summary>The record of every fetch (Azure Table Storage in production).</summary>
public interface IIngestionLog
{
    Task RecordAsync(IngestionEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first.</summary>
    Task<IReadOnlyList<IngestionEntry>> ReadRecentAsync(int max, CancellationToken cancellationToken);

    /// <summary>The newest entries first that match every condition the query sets (<c>monitor log --source --outcome --since</c>).</summary>
    Task<IReadOnlyList<IngestionEntry>> QueryAsync(IngestionQuery query, CancellationToken cancellationToken);
}

/// <summary>Conditions on the ingestion log; null means any.</summary>
public sealed record IngestionQuery(int Max, string? SourceId = null, IngestionOutcome? Outcome = null, DateTimeOffset? Since = null);
