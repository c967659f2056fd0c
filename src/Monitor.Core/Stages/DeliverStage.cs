using Microsoft.Extensions.Logging;
using Monitor.Core.Configuration;
using Monitor.Core.Delivery;
using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Core.Stages;

/// <summary>
/// E-mails an alert to every subscriber of its topic, each (alert, recipient) at most once whatever the concurrency:
/// the e-mail is claimed in the <see cref="IOnceLedger"/> before it is sent and completed the moment the SMTP server
/// accepts it. A redelivered or duplicated alert mails nobody twice; if any recipient failed, or is being mailed by
/// another worker, the stage throws after trying the others so the queue retries the alert for them.
/// </summary>
public sealed class DeliverStage(
    MonitorConfiguration configuration,
    IMailSender mail,
    IOnceLedger once,
    IDeliveryLedger ledger,
    OnceLease lease,
    TimeProvider time,
    ILogger<DeliverStage> logger)
{
    /// <summary>The right-hand side of the Message-Id of every alert e-mail.</summary>
    public const string MessageIdDomain = "ministry-monitor.local";

    /// <summary>The <see cref="OnceKey.Scope"/> of alert e-mails.</summary>
    public const string MailScope = "mail";

    public static OnceKey MailKey(string alertId, string recipient) => new(MailScope, $"{alertId}/{recipient.Trim().ToLowerInvariant()}");

    public async Task<int> HandleAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        if (alert.SchemaVersion > AlertMessage.CurrentSchemaVersion)
            throw new InvalidMessageException(QueueNames.Alerts, $"alert schema version {alert.SchemaVersion} is newer than this code understands ({AlertMessage.CurrentSchemaVersion})");

        var sent = 0;
        var failures = new List<Exception>();
        foreach (var subscriber in configuration.SubscribersOf(alert.TopicId))
        {
            try
            {
                if (await MailOnceAsync(alert, subscriber, cancellationToken)) sent++;
            }
            catch (ClaimHeldException ex)
            {
                // Not an error: a copy of this alert is being mailed elsewhere; the retry will find it done.
                logger.LogInformation("Alert {AlertId} to {Recipient} is being sent by another worker; retrying later", alert.AlertId, subscriber.Email);
                failures.Add(ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending alert {AlertId} to {Recipient} failed", alert.AlertId, subscriber.Email);
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
            throw new AggregateException($"Alert {alert.AlertId}: {failures.Count} recipient(s) could not be mailed; the alert will be retried for them.", failures);
        return sent;
    }

    /// <summary>True when this call sent the e-mail; false when it had been sent before.</summary>
    private async Task<bool> MailOnceAsync(AlertMessage alert, Subscriber subscriber, CancellationToken cancellationToken)
    {
        var email = AlertEmailComposer.Compose(alert, subscriber, MessageIdDomain);
        var key = MailKey(alert.AlertId, subscriber.Email);
        // A fresh owner per attempt: two copies of the alert handled side by side in this process must not share a claim.
        var result = await once.RunOnceAsync(key, OnceLedgerExtensions.NewOwner(), lease.Duration, time,
            (accepted, ct) => mail.SendAsync(email, accepted, ct), cancellationToken);
        switch (result)
        {
            case OnceResult.HeldByOther:
                throw new ClaimHeldException(key);
            case OnceResult.AlreadyDone when await ledger.WasSentAsync(alert.AlertId, subscriber.Email, cancellationToken):
                return false;
        }

        // The listing of sent e-mails (`monitor deliveries`); written after the claim is complete, and again by a
        // redelivery if a crash came in between, so it never misses one that was sent.
        await ledger.RecordSentAsync(new DeliveryRecord(alert.AlertId, subscriber.Email, alert.TopicId, email.Subject, time.GetUtcNow()), cancellationToken);
        if (result == OnceResult.AlreadyDone) return false;
        logger.LogInformation("Mailed alert {AlertId} on {TopicId} to {Recipient}", alert.AlertId, alert.TopicId, subscriber.Email);
        return true;
    }
}
