using Microsoft.Extensions.Logging;
using Monitor.Core.Archive;
using Monitor.Core.Detection;
using Monitor.Core.Storage;

namespace Monitor.Infrastructure.Storage;

/// <summary>
/// Rebuilds the catalogue's listing rows and the search index from the archive itself: for an archive made before
/// the catalogue existed, or a search index that was lost. Reads every index row once (the one table scan in the
/// app, on purpose) and each statement's latest text; writes in batched transactions. Idempotent.
/// </summary>
public sealed class ArchiveReindexer(
    IStatementIndex index,
    IBlobStore blobs,
    IMentionDetector detector,
    TableStatementTimeline timeline,
    IArchiveSearch search,
    TableAlertLedger alerts,
    TableDeliveryLedger deliveries,
    ILogger<ArchiveReindexer> logger)
{
    private const int BatchSize = 500;

    public async Task<(int Statements, int Alerts, int Deliveries)> RunAsync(CancellationToken cancellationToken)
    {
        var statements = 0;
        var batch = new List<(StatementSummary Summary, ArchiveDocument Document)>(BatchSize);
        await foreach (var record in index.ListAsync(null, cancellationToken))
        {
            var path = record.VersionPath(record.Version, "txt");
            var text = (await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken))?.ToString();
            if (text is null) logger.LogWarning("Archived text {Path} is missing; {StatementId} is listed without topics", path, record.StatementId);
            var topics = ArchivePublisher.TopicIds(detector, text ?? "");
            batch.Add((StatementSummary.From(record) with { Topics = topics },
                new ArchiveDocument(record.SourceId, record.StatementId, record.Version, record.Title, text ?? "", record.Url, record.Published,
                    record.Language, topics, record.LastChanged)));
            if (batch.Count == BatchSize) statements += await FlushAsync(batch, cancellationToken);
        }
        statements += await FlushAsync(batch, cancellationToken);
        return (statements, await alerts.RelistAsync(cancellationToken), await deliveries.RelistAsync(cancellationToken));
    }

    private async Task<int> FlushAsync(List<(StatementSummary Summary, ArchiveDocument Document)> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        await timeline.RecordManyAsync(batch.Select(b => b.Summary), parallelism: 4, cancellationToken);
        await search.IndexAsync(batch.Select(b => b.Document).ToList(), cancellationToken);
        var count = batch.Count;
        batch.Clear();
        return count;
    }
}
