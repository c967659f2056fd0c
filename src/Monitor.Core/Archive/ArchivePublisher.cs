using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Archive;

/// <summary>
/// Makes a newly detected version visible to readers: its statement's listing rows (one table transaction) and its
/// search document (one request to the search back end). Called by the detect stage, which is retried until it
/// completes, so a crash in between is repaired by the redelivery; both writes are idempotent.
/// </summary>
public sealed class ArchivePublisher(IStatementTimeline timeline, IArchiveSearch search, ILogger<ArchivePublisher> logger)
{
    /// <summary>The ids of the topics a text mentions, in order.</summary>
    public static IReadOnlyList<string> TopicIds(IMentionDetector detector, string text) => TopicIds(detector.Match(text));

    /// <summary>The ids of the topics of these mentions, in order.</summary>
    public static IReadOnlyList<string> TopicIds(IEnumerable<Mention> mentions) =>
        mentions.Select(m => m.TopicId).Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task PublishAsync(StatementRecord record, string text, IReadOnlyList<string> topics, IReadOnlyList<string> previousTopics, CancellationToken cancellationToken)
    {
        var summary = StatementSummary.From(record) with { Topics = topics };
        await timeline.RecordAsync(summary, previousTopics, cancellationToken);
        await search.IndexAsync(
            [new ArchiveDocument(record.SourceId, record.StatementId, record.Version, record.Title, text, record.Url, record.Published, record.Language, topics, record.LastChanged)],
            cancellationToken);
        logger.LogDebug("Listed and indexed {SourceId} statement {StatementId} version {Version}", record.SourceId, record.StatementId, record.Version);
    }
}
