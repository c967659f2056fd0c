using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Web.Archive;

/// <summary>
/// Everything the reader pages and the JSON API read from the archive, in pages. One seam, so the pages and the
/// API do not care whether listings come from the time-partitioned catalogue or search from Lucene / Azure AI Search.
/// </summary>
public interface IArchiveReader
{
    Task<Page<StatementSummary>> ListStatementsAsync(StatementQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    Task<StatementDetail?> GetStatementAsync(string source, string id, CancellationToken cancellationToken);

    Task<VersionText?> GetVersionAsync(string source, string id, int version, CancellationToken cancellationToken);

    Task<VersionDiff?> GetDiffAsync(string source, string id, int version, CancellationToken cancellationToken);

    Task<Page<IngestionEntry>> ListLogAsync(LogQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    Task<Page<AlertMessage>> ListAlertsAsync(AlertQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}
