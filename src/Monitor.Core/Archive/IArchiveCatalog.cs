using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Archive;

/// <summary>
/// Read side of the archive for the web reader, the API and the <c>monitor</c> listings. Every listing is paged and
/// reads only the time partitions its filters cover (no table scans); see <c>TableArchiveCatalog</c>.
/// Methods throw <see cref="InvalidContinuationTokenException"/> for a token they did not issue.
/// </summary>
public interface IArchiveCatalog
{
    Task<Page<StatementSummary>> ListStatementsAsync(StatementQuery query, CancellationToken cancellationToken);

    /// <summary>Null when the statement is not archived.</summary>
    Task<StatementDetails?> GetStatementAsync(string sourceId, string statementId, CancellationToken cancellationToken);

    /// <summary>Null when the statement or that version does not exist.</summary>
    Task<StatementVersion?> GetVersionAsync(string sourceId, string statementId, int version, CancellationToken cancellationToken);

    /// <summary>Null when the version does not exist or has not been through detection yet.</summary>
    Task<VersionDiff?> GetDiffAsync(string sourceId, string statementId, int version, CancellationToken cancellationToken);

    Task<Page<AlertMessage>> ListAlertsAsync(AlertQuery query, CancellationToken cancellationToken);

    Task<Page<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken);

    Task<Page<IngestionEntry>> ListIngestionAsync(IngestionQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// Write side used by the pipeline once a version is detected: keeps the time-keyed listing rows of a statement
/// current. Idempotent (same keys, upserts), one storage transaction per call. The pipeline reads them back too
/// (the withdrawal sweep), without the rest of the catalogue.
/// </summary>
public interface IStatementTimeline
{
    /// <summary>A page of the listing rows, as <see cref="IArchiveCatalog.ListStatementsAsync"/> gives them.</summary>
    Task<Page<StatementSummary>> ListAsync(StatementQuery query, CancellationToken cancellationToken);

    /// <param name="previousTopics">The topics listed before this version, so rows of topics no longer mentioned are removed.</param>
    Task RecordAsync(StatementSummary statement, IReadOnlyList<string> previousTopics, CancellationToken cancellationToken);
}
