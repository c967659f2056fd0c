using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// The archive's read side over Table Storage (time-partitioned listings, O(1) statement lookups) and the blobs
/// of each version (<c>vNNN.json</c> metadata, <c>vNNN.txt</c> text, <c>vNNN.diff.json</c> detection).
/// </summary>
public sealed class TableArchiveCatalog(
    IStatementIndex index,
    IBlobStore blobs,
    TableStatementTimeline timeline,
    TableAlertLedger alerts,
    TableDeliveryLedger deliveries,
    TableIngestionLog log) : IArchiveCatalog
{
    public Task<Page<StatementSummary>> ListStatementsAsync(StatementQuery query, CancellationToken cancellationToken) =>
        timeline.ListAsync(query, cancellationToken);

    public async Task<StatementDetails?> GetStatementAsync(string sourceId, string statementId, CancellationToken cancellationToken)
    {
        if (await index.GetAsync(sourceId, statementId, cancellationToken) is not { } record) return null;
        var versions = await Task.WhenAll(Enumerable.Range(1, record.Version).Select(v => ReadMetadataAsync(record, v, cancellationToken)));
        return new StatementDetails(StatementSummary.From(record), record.ItemKey, versions.OfType<ArchivedVersion>().ToList());
    }

    public async Task<StatementVersion?> GetVersionAsync(string sourceId, string statementId, int version, CancellationToken cancellationToken)
    {
        if (version < 1 || await index.GetAsync(sourceId, statementId, cancellationToken) is not { } record || version > record.Version) return null;
        var metadata = ReadMetadataAsync(record, version, cancellationToken);
        var text = blobs.ReadAsync(BlobArea.Statements, record.VersionPath(version, "txt"), cancellationToken);
        return await metadata is { } m && await text is { } t ? new StatementVersion(m, t.ToString()) : null;
    }

    public async Task<VersionDiff?> GetDiffAsync(string sourceId, string statementId, int version, CancellationToken cancellationToken)
    {
        if (version < 1 || await index.GetAsync(sourceId, statementId, cancellationToken) is not { } record || version > record.Version) return null;
        var path = record.VersionPath(version, "diff.json");
        return await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken) is { } json
            ? new VersionDiff(version, PipelineJson.Deserialize<DetectionResult>(json.ToString(), path))
            : null;
    }

    public Task<Page<AlertMessage>> ListAlertsAsync(AlertQuery query, CancellationToken cancellationToken) => alerts.ListAsync(query, cancellationToken);

    public Task<Page<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken) => deliveries.ListAsync(query, cancellationToken);

    public Task<Page<IngestionEntry>> ListIngestionAsync(IngestionQuery query, CancellationToken cancellationToken) => log.ListAsync(query, cancellationToken);

    private async Task<ArchivedVersion?> ReadMetadataAsync(StatementRecord record, int version, CancellationToken cancellationToken)
    {
        var path = record.VersionPath(version, "json");
        return await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken) is { } json
            ? PipelineJson.Deserialize<ArchivedVersion>(json.ToString(), path)
            : null;
    }
}
