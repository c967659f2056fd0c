using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// Rebuilds the catalogue's listing rows and the search index from the archive itself: for an archive made before
/// the catalogue existed, or a search index that was lost. Reads every index row once (the one table scan in the
/// app, on purpose) and each statement's latest text; writes in batched transactions. Idempotent.
/// <para>Topics come from the catalogue alone (<paramref name="detector"/> is compiled from topics.json), so the
/// reindex also takes out what earlier versions listed for subscribers' own terms: their ids in the statements'
/// topics, in search documents, in topic listing rows and in blob index tags.</para>
/// </summary>
public sealed class ArchiveReindexer(
    IStatementIndex index,
    IBlobStore blobs,
    BlobStore blobTags,
    IMentionDetector detector,
    TableStatementTimeline timeline,
    IArchiveSearch search,
    TableAlertLedger alerts,
    TableDeliveryLedger deliveries,
    ILogger<ArchiveReindexer> logger)
{
    private const int BatchSize = 500;
    private const int MaxSaveAttempts = 5;

    public async Task<ReindexCounts> RunAsync(CancellationToken cancellationToken)
    {
        var statements = 0;
        var retagged = 0;
        var catalogueTags = detector.Topics.Select(t => ArchiveLabels.TopicTag(t.Id)).ToHashSet(StringComparer.Ordinal);
        var batch = new List<(StatementSummary Summary, ArchiveDocument Document)>(BatchSize);
        await foreach (var record in index.ListAsync(null, cancellationToken))
        {
            var path = record.VersionPath(record.Version, "txt");
            var text = (await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken))?.ToString();
            if (text is null) logger.LogWarning("Archived text {Path} is missing; {StatementId} is listed without topics", path, record.StatementId);
            var topics = ArchivePublisher.TopicIds(detector, text ?? "");
            if (record.Topics is { } listed && !listed.SequenceEqual(topics, StringComparer.Ordinal))
                await SaveTopicsAsync(record, topics, cancellationToken);
            retagged += await blobTags.RewriteTagsAsync(BlobArea.Statements, record.BasePath + "/",
                (name, tags) => CatalogueTagsOnly(tags, catalogueTags, name.StartsWith(record.VersionPath(record.Version, ""), StringComparison.Ordinal) ? topics : null),
                cancellationToken);
            batch.Add((StatementSummary.From(record) with { Topics = topics },
                new ArchiveDocument(record.SourceId, record.StatementId, record.Version, record.Title, text ?? "", record.Url, record.Published,
                    record.Language, topics, record.LastChanged)));
            if (batch.Count == BatchSize) statements += await FlushAsync(batch, cancellationToken);
        }
        statements += await FlushAsync(batch, cancellationToken);
        var removedRows = await timeline.RemoveTopicRowsExceptAsync(detector.Topics.Select(t => t.Id).ToList(), cancellationToken);
        if (removedRows > 0 || retagged > 0)
            logger.LogInformation("Removed {Rows} listing rows and retagged {Blobs} blobs of topics not in the catalogue", removedRows, retagged);
        return new ReindexCounts(statements, await alerts.RelistAsync(cancellationToken), await deliveries.RelistAsync(cancellationToken), removedRows, retagged);
    }

    /// <summary>
    /// The blob's tags with topic tags of the catalogue only; the latest version's blobs get the catalogue topics of
    /// its text (<paramref name="latestTopics"/>), which tags of other ids may have crowded out (a blob holds 10).
    /// </summary>
    private static IReadOnlyDictionary<string, string> CatalogueTagsOnly(IReadOnlyDictionary<string, string> tags, HashSet<string> catalogueTags, IReadOnlyList<string>? latestTopics)
    {
        if (tags.Count == 0) return tags; // an unlabelled blob (a diff) stays so
        var kept = tags.Where(t => !t.Key.StartsWith(ArchiveLabels.TopicTagPrefix, StringComparison.Ordinal) || (latestTopics is null && catalogueTags.Contains(t.Key)))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (latestTopics is not null)
            foreach (var tag in ArchiveLabels.TopicTags(latestTopics)) kept[tag] = "yes";
        return kept;
    }

    /// <summary>The index row's topics (served by the statement API), under its ETag like every index write.</summary>
    private async Task SaveTopicsAsync(StatementRecord record, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var current = record;
        for (var attempt = 1; attempt <= MaxSaveAttempts && current is not null; attempt++)
        {
            if (await index.TrySaveAsync(current with { Topics = topics }, cancellationToken)) return;
            current = await index.GetAsync(record.SourceId, record.StatementId, cancellationToken);
            // A newer version was archived meanwhile: its detection lists its own topics.
            if (current is null || current.Version != record.Version) return;
        }
        throw new InvalidOperationException($"Could not update the topics of statement {record.StatementId} of {record.SourceId}: {MaxSaveAttempts} concurrent updates in a row.");
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

/// <summary>What a reindex did: statements, alerts and e-mails listed; topic rows removed and blobs retagged because their topic was not in the catalogue.</summary>
public sealed record ReindexCounts(int Statements, int Alerts, int Deliveries, int RemovedTopicRows, int RetaggedBlobs);
