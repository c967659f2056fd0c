namespace MinistryMonitor.Core.Storage;

/// <summary>The index of archived statements (Azure Table Storage in production).</summary>
public interface IStatementIndex
{
    Task<StatementRecord?> GetAsync(string sourceId, string statementId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a record whose <see cref="StatementRecord.ETag"/> is null, or replaces the stored one if its ETag still matches.
    /// Returns false when another writer got there first.
    /// </summary>
    Task<bool> TrySaveAsync(StatementRecord record, CancellationToken cancellationToken);

    IAsyncEnumerable<StatementRecord> ListAsync(string? sourceId, CancellationToken cancellationToken);
}
