using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Alerts;

/// <summary>
/// Pushes one alert per topic newly mentioned in a statement version to the <c>alerts</c> queue.
/// The alert id is derived from statement, version and topic; each alert is recorded first, then enqueued, then
/// marked enqueued, so a redelivered detect message raises nothing twice and re-sends only an alert that a crash
/// may have kept off the queue (the deliver stage mails a repeated alert message to nobody twice).
/// </summary>
public sealed class AlertRaiser(IMessageQueue queue, IAlertLedger ledger, TimeProvider time, ILogger<AlertRaiser> logger)
{
    /// <summary>Enough to show a subscriber the context; the full text is in the archive.</summary>
    private const int MaxMentionsPerAlert = 5;
    private const int MaxSnippetLength = 600;

    public async Task<IReadOnlyList<AlertMessage>> RaiseAsync(Source source, StatementRecord record, int version, IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        var raised = new List<AlertMessage>();
        foreach (var topic in mentions.GroupBy(m => (m.TopicId, m.TopicName)))
        {
            var alertId = Hashes.Sha256($"{record.SourceId}\n{record.StatementId}\n{version}\n{topic.Key.TopicId}")[..32];
            if (await ledger.IsEnqueuedAsync(alertId, cancellationToken))
            {
                logger.LogInformation("Alert {AlertId} was already raised; not raising it again", alertId);
                continue;
            }

            var alert = new AlertMessage(
                AlertMessage.CurrentSchemaVersion, alertId, topic.Key.TopicId, topic.Key.TopicName, source.Id, source.Name,
                record.StatementId, version, version > 1, record.Title, record.Url, record.Published,
                record.VersionPath(version, "txt"), topic.Count(),
                topic.DistinctBy(m => m.Snippet).Take(MaxMentionsPerAlert).Select(m => new AlertMention(m.MatchedText, Truncate(m.Snippet), m.Paragraph)).ToList(),
                time.GetUtcNow());
            alert = await ledger.RecordRaisedAsync(alert, cancellationToken);
            await queue.SendAsync(QueueNames.Alerts, alert, cancellationToken);
            await ledger.MarkEnqueuedAsync(alertId, cancellationToken);
            logger.LogInformation("Raised alert {AlertId} for topic {TopicId} on {SourceId} statement {StatementId} version {Version}",
                alertId, alert.TopicId, source.Id, record.StatementId, version);
            raised.Add(alert);
        }
        return raised;
    }

    private static string Truncate(string snippet) =>
        snippet.Length <= MaxSnippetLength ? snippet : string.Concat(snippet.AsSpan(0, MaxSnippetLength - 1), "…");
}
