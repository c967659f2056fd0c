using Monitor.Core.Configuration;
using Monitor.Core.Detection;
using Monitor.Core.Messages;
using Monitor.Core.Stages;
using Monitor.Core.Storage;

namespace Monitor.Web.Archive;

/// <summary>
/// Reads listings over the pipeline's tables and blobs. Until the time-partitioned catalogue and
/// <c>IArchiveSearch</c> are in (issue 11, archive part), listings filter rows read in full and text search
/// matches each statement's latest text with the detection normaliser and stemmers.
/// </summary>
public sealed class ArchiveReader(
    MonitorConfiguration configuration,
    IStatementIndex index,
    IBlobStore blobs,
    IIngestionLog log,
    IAlertLedger alerts) : IArchiveReader
{
    private const int RecentRowsRead = 5000;

    public async Task<Page<StatementSummary>> ListStatementsAsync(StatementQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ContinuationToken.Decode(continuationToken);
        var topicsByStatement = await TopicsByStatementAsync(cancellationToken);
        var searcher = string.IsNullOrWhiteSpace(query.Q) ? null : new MentionDetector([new Topic("q", query.Q, [query.Q.Trim()])]);

        var rows = new List<StatementSummary>();
        await foreach (var record in index.ListAsync(query.Source, cancellationToken))
        {
            var source = configuration.Sources.FirstOrDefault(s => s.Id == record.SourceId);
            var date = record.Published ?? record.FirstSeen;
            if (query.Since is { } since && date < since) continue;
            if (query.Until is { } until && date > until) continue;
            var language = source?.Language;
            if (query.Language is not null && !string.Equals(language, query.Language, StringComparison.OrdinalIgnoreCase)) continue;
            var topics = topicsByStatement.TryGetValue((record.SourceId, record.StatementId), out var t) ? t : [];
            if (query.Topic is not null && !topics.Contains(query.Topic)) continue;

            string? snippet = null;
            if (searcher is not null)
            {
                snippet = await MatchAsync(searcher, record, cancellationToken);
                if (snippet is null) continue;
            }
            rows.Add(new StatementSummary(record.SourceId, source?.Name ?? record.SourceId, record.StatementId, record.Title, record.Url,
                record.Published, record.Version, topics, language, snippet));
        }
        var ordered = rows.OrderByDescending(r => r.Published ?? DateTimeOffset.MinValue).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        return ContinuationToken.Slice(ordered, continuationToken, pageSize);
    }

    public async Task<StatementDetail?> GetStatementAsync(string source, string id, CancellationToken cancellationToken)
    {
        var record = await index.GetAsync(source, id, cancellationToken);
        if (record is null) return null;
        var versions = new List<VersionSummary>();
        ArchivedVersion? latest = null;
        for (var n = 1; n <= record.Version; n++)
        {
            var meta = await ReadMetadataAsync(record, n, cancellationToken);
            if (meta is null) continue;
            latest = meta;
            versions.Add(new VersionSummary(n, meta.ArchivedAt, meta.Title, meta.TextBlob));
        }
        return new StatementDetail(record.SourceId, SourceName(record.SourceId), record.StatementId, latest?.Title ?? record.Title,
            record.Url, record.Published, latest?.Language, record.FirstSeen, record.LastChanged, versions);
    }

    public async Task<VersionText?> GetVersionAsync(string source, string id, int version, CancellationToken cancellationToken)
    {
        var record = await index.GetAsync(source, id, cancellationToken);
        if (record is null || version < 1 || version > record.Version) return null;
        var meta = await ReadMetadataAsync(record, version, cancellationToken);
        var text = await blobs.ReadAsync(BlobArea.Statements, record.VersionPath(version, "txt"), cancellationToken);
        if (meta is null || text is null) return null;
        return new VersionText(source, id, version, meta.Title, meta.Url, meta.Published, meta.Language, meta.Author, meta.DocumentNumber,
            meta.ArchivedAt, meta.TextBlob, text.ToString());
    }

    public async Task<VersionDiff?> GetDiffAsync(string source, string id, int version, CancellationToken cancellationToken)
    {
        var record = await index.GetAsync(source, id, cancellationToken);
        if (record is null || version < 1 || version > record.Version) return null;
        var stored = await blobs.ReadAsync(BlobArea.Statements, record.VersionPath(version, "diff.json"), cancellationToken);
        if (stored is null) return null;
        var result = PipelineJson.Deserialize<DetectionResult>(stored.ToString(), record.VersionPath(version, "diff.json"));
        return new VersionDiff(source, id, version, version > 1 ? version - 1 : null, result.NewMentions, result.Diff);
    }

    public async Task<Page<IngestionEntry>> ListLogAsync(LogQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ContinuationToken.Decode(continuationToken);
        var entries = await log.ReadRecentAsync(RecentRowsRead, cancellationToken);
        var rows = entries
            .Where(e => query.Source is null || e.SourceId == query.Source)
            .Where(e => query.Outcome is null || string.Equals(e.Outcome.ToString(), query.Outcome, StringComparison.OrdinalIgnoreCase))
            .Where(e => query.Since is null || e.StartedAt >= query.Since)
            .ToList();
        return ContinuationToken.Slice(rows, continuationToken, pageSize);
    }

    public async Task<Page<AlertMessage>> ListAlertsAsync(AlertQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ContinuationToken.Decode(continuationToken);
        var raised = await alerts.ReadRecentAsync(RecentRowsRead, cancellationToken);
        var rows = raised
            .Where(a => query.Topic is null || a.TopicId == query.Topic)
            .Where(a => query.Since is null || a.RaisedAt >= query.Since)
            .ToList();
        return ContinuationToken.Slice(rows, continuationToken, pageSize);
    }

    private string SourceName(string sourceId) => configuration.Sources.FirstOrDefault(s => s.Id == sourceId)?.Name ?? sourceId;

    private async Task<Dictionary<(string, string), List<string>>> TopicsByStatementAsync(CancellationToken cancellationToken)
    {
        var raised = await alerts.ReadRecentAsync(RecentRowsRead, cancellationToken);
        return raised.GroupBy(a => (a.SourceId, a.StatementId))
            .ToDictionary(g => g.Key, g => g.Select(a => a.TopicId).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private async Task<string?> MatchAsync(MentionDetector searcher, StatementRecord record, CancellationToken cancellationToken)
    {
        if (record.Title is not null && searcher.Match(record.Title).Count > 0) return record.Title;
        var text = await blobs.ReadAsync(BlobArea.Statements, record.VersionPath(record.Version, "txt"), cancellationToken);
        if (text is null) return null;
        var mentions = searcher.Match(text.ToString());
        return mentions.Count > 0 ? mentions[0].Snippet : null;
    }

    private async Task<ArchivedVersion?> ReadMetadataAsync(StatementRecord record, int version, CancellationToken cancellationToken)
    {
        var path = record.VersionPath(version, "json");
        var json = await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken);
        return json is null ? null : PipelineJson.Deserialize<ArchivedVersion>(json.ToString(), path);
    }
}
