using Microsoft.Extensions.Logging;
using Monitor.Core.Configuration;
using Monitor.Core.Delivery;
using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Core.Stages;

/// <summary>
/// E-mails an alert to every subscriber of its topic. Each (alert, recipient) pair is recorded once sent, so a
/// redelivered alert mails nobody twice; if any recipient failed, the stage throws after trying the others so the
/// queue retries the alert, and the retry sends only what is still missing.
/// </summary>
public sealed class DeliverStage(
    MonitorConfiguration configuration,
    IMailSender mail,
    IDeliveryLedger ledger,
    TimeProvider time,
    ILogger<DeliverStage> logger)
{
    /// <summary>The right-hand side of the Message-Id of every alert e-mail.</summary>
    public const string MessageIdDomain = "ministry-monitor.local";

    public async Task<int> HandleAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        if (alert.SchemaVersion > AlertMessage.CurrentSchemaVersion)
            throw new InvalidMessageException(QueueNames.Alerts, $"alert schema version {alert.SchemaVersion} is newer than this code understands ({AlertMessage.CurrentSchemaVersion})");

        var sent = 0;
        var failures = new List<Exception>();
        foreach (var subscriber in configuration.SubscribersOf(alert.TopicId))
        {
            if (await ledger.WasSentAsync(alert.AlertId, subscriber.Email, cancellationToken)) continue;
            var email = AlertEmailComposer.Compose(alert, subscriber, MessageIdDomain);
            try
            {
                await mail.SendAsync(email, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending alert {AlertId} to {Recipient} failed", alert.AlertId, subscriber.Email);
                failures.Add(ex);
                continue;
            }
            await ledger.RecordSentAsync(new DeliveryRecord(alert.AlertId, subscriber.Email, alert.TopicId, email.Subject, time.GetUtcNow()), cancellationToken);
            logger.LogInformation("Mailed alert {AlertId} on {TopicId} to {Recipient}", alert.AlertId, alert.TopicId, subscriber.Email);
            sent++;
        }

        if (failures.Count > 0)
            throw new AggregateException($"Alert {alert.AlertId}: {failures.Count} recipient(s) could not be mailed; the alert will be retried for them.", failures);
        return sent;
    }
}
