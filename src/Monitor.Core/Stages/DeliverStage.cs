using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Diffing;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Hands an alert to every active subscription that wants it: e-mailed at once (all over one SMTP connection),
/// posted to webhooks, or filed for the next digest. Each e-mail and webhook call goes through the once-ledger
/// (claim, act, complete), so a redelivered alert reaches nobody twice. A permanent refusal marks the subscription
/// bouncing and is not retried; any other failure fails the alert after the others were served, so the queue
/// retries it, and the retry serves only who is still missing.
/// </summary>
public sealed class DeliverStage(
    SubscriptionDirectory directory,
    SubscriberLinks links,
    IMailSender mail,
    IWebhookSender webhooks,
    IDigestInbox digests,
    IOnceLedger once,
    OnceLease lease,
    IDeliveryLedger deliveries,
    IBlobStore blobs,
    Bounces bounces,
    TimeProvider time,
    ILogger<DeliverStage> logger)
{
    /// <summary>The <see cref="OnceKey.Scope"/> of alert e-mails.</summary>
    public const string MailScope = "mail";

    public static OnceKey MailKey(string alertId, string recipient) => new(MailScope, $"{alertId}/{recipient.Trim().ToLowerInvariant()}");

    public async Task<int> HandleAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        if (alert.SchemaVersion > AlertMessage.CurrentSchemaVersion)
            throw new InvalidMessageException(QueueNames.Alerts, $"alert schema version {alert.SchemaVersion} is newer than this code understands ({AlertMessage.CurrentSchemaVersion})");
        if (alert.IsStatementEvent) return await DeliverStatementEventAsync(alert, cancellationToken);
        var snapshot = await directory.CurrentAsync(cancellationToken);
        var recipients = snapshot.RecipientsOf(alert.TopicId, alert.SourceId, directory.LanguageOf(alert.SourceId)).ToList();
        var delivered = 0;
        var failures = new List<Exception>();

        foreach (var subscription in recipients.Where(s => s.Mode != DeliveryMode.Immediate))
        {
            await digests.AddAsync(subscription.Id, alert, time.GetUtcNow(), cancellationToken);
            logger.LogInformation("Filed alert {AlertId} for the {Mode} digest of {Address}", alert.AlertId, subscription.Mode, subscription.Address);
        }

        var immediate = recipients.Where(s => s.Mode == DeliveryMode.Immediate).ToList();
        var statementPage = links.Statement(alert.SourceId, alert.StatementId);
        foreach (var subscription in immediate.Where(s => s.Channel == Channel.Webhook))
        {
            if (await TryAsync(subscription, alert, failures, () => PostAsync(subscription, alert, statementPage, cancellationToken))) delivered++;
        }

        var byMail = immediate.Where(s => s.Channel == Channel.Email).ToList();
        if (byMail.Count == 0) return Finish(alert, delivered, failures);
        var edits = alert.IsEdit ? EditExcerpt.For(await ReadDiffAsync(alert, cancellationToken), alert.Mentions) : [];
        await using (var session = await mail.OpenSessionAsync(cancellationToken))
        {
            foreach (var subscription in byMail)
            {
                var email = AlertEmailComposer.Compose(alert, new MailRecipient(subscription.Address, subscription.Name), statementPage,
                    new EmailLinks(links.Unsubscribe(subscription.Id), links.Manage(subscription.Id)), edits, subscription.EmailLocale, MessageIds.Domain);
                if (await TryAsync(subscription, alert, failures, () => MailAsync(session, subscription, alert, email, cancellationToken))) delivered++;
            }
        }
        return Finish(alert, delivered, failures);
    }

    /// <summary>
    /// A statement withdrawn or restored: e-mailed at once, whatever the subscription's mode, to the e-mail subscribers of
    /// the topics it mentioned who did not turn <see cref="Subscription.Withdrawals"/> off; one e-mail each, claimed once.
    /// </summary>
    private async Task<int> DeliverStatementEventAsync(AlertMessage notice, CancellationToken cancellationToken)
    {
        var snapshot = await directory.CurrentAsync(cancellationToken);
        var language = directory.LanguageOf(notice.SourceId);
        var topics = notice.Topics ?? [];
        var recipients = topics.SelectMany(t => snapshot.RecipientsOf(t, notice.SourceId, language))
            .Where(s => s.Withdrawals && s.Channel == Channel.Email)
            .DistinctBy(s => s.Id)
            .ToList();
        var delivered = 0;
        var failures = new List<Exception>();
        if (recipients.Count == 0) return 0;
        var statementPage = links.Statement(notice.SourceId, notice.StatementId);
        await using (var session = await mail.OpenSessionAsync(cancellationToken))
        {
            foreach (var subscription in recipients)
            {
                var followed = topics.Where(t => subscription.Wants(t, notice.SourceId, language))
                    .Select(t => snapshot.Detector.Topics.FirstOrDefault(topic => topic.Id == t)?.Name ?? t).ToList();
                var email = WithdrawalEmailComposer.Compose(notice, new MailRecipient(subscription.Address, subscription.Name), statementPage,
                    new EmailLinks(links.Unsubscribe(subscription.Id), links.Manage(subscription.Id)), followed, subscription.EmailLocale, MessageIds.Domain);
                if (await TryAsync(subscription, notice, failures, () => MailAsync(session, subscription, notice, email, cancellationToken))) delivered++;
            }
        }
        return Finish(notice, delivered, failures);
    }

    private async Task<bool> MailAsync(IMailSession session, Subscription subscription, AlertMessage alert, AlertEmail email, CancellationToken cancellationToken)
    {
        var key = MailKey(alert.AlertId, subscription.Address);
        // A fresh owner per attempt: two copies of the alert handled side by side in this process must not share a claim.
        var result = await once.RunOnceAsync(key, OnceLedgerExtensions.NewOwner(), lease.Duration, time, (accepted, ct) => session.SendAsync(email, accepted, ct), cancellationToken);
        return await RecordAsync(result, key, alert, subscription.Address, email.Subject, cancellationToken);
    }

    private async Task<bool> PostAsync(Subscription subscription, AlertMessage alert, Uri statementPage, CancellationToken cancellationToken)
    {
        var request = WebhookPayload.ForAlert(subscription, alert, statementPage);
        var key = new OnceKey("webhook", $"{alert.AlertId}/{subscription.Id}");
        var result = await once.RunOnceAsync(key, OnceLedgerExtensions.NewOwner(), lease.Duration, time, (_, ct) => webhooks.PostAsync(request, ct), cancellationToken);
        return await RecordAsync(result, key, alert, subscription.Webhook!.GetLeftPart(UriPartial.Path), $"webhook {request.DeliveryId}", cancellationToken);
    }

    private async Task<bool> RecordAsync(OnceResult result, OnceKey key, AlertMessage alert, string recipient, string subject, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case OnceResult.Done:
                await deliveries.RecordSentAsync(new DeliveryRecord(alert.AlertId, recipient, alert.TopicId, subject, time.GetUtcNow()), cancellationToken);
                logger.LogInformation("Delivered alert {AlertId} on {TopicId} to {Recipient}", alert.AlertId, alert.TopicId, recipient);
                return true;
            case OnceResult.HeldByOther:
                throw new ClaimHeldException(key);
            default:
                // Done before, perhaps by a run that crashed before writing the listing row: write it. Only once the
                // lease has passed since, so a copy running beside the worker that is still writing it adds no second row.
                if (await once.GetAsync(key, cancellationToken) is { DoneAt: { } doneAt } && time.GetUtcNow() - doneAt > lease.Duration
                    && !await deliveries.WasSentAsync(alert.AlertId, recipient, cancellationToken))
                    await deliveries.RecordSentAsync(new DeliveryRecord(alert.AlertId, recipient, alert.TopicId, subject, time.GetUtcNow()), cancellationToken);
                return false;
        }
    }

    /// <summary>Runs one delivery; a permanent refusal marks the subscription bouncing, anything else is kept for the retry.</summary>
    private async Task<bool> TryAsync(Subscription subscription, AlertMessage alert, List<Exception> failures, Func<Task<bool>> deliver)
    {
        try
        {
            return await deliver();
        }
        catch (MailRejectedException ex) when (ex.IsPermanent)
        {
            await bounces.MarkAsync(subscription, $"SMTP {ex.StatusCode}: {ex.Message}", CancellationToken.None);
        }
        catch (WebhookRejectedException ex)
        {
            await bounces.MarkAsync(subscription, ex.Message, CancellationToken.None);
        }
        catch (ClaimHeldException ex)
        {
            // Not an error: a copy of this alert is being delivered elsewhere; the retry will find it done.
            logger.LogInformation("Alert {AlertId} to {Address} is being delivered by another worker; retrying later", alert.AlertId, subscription.Address);
            failures.Add(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Delivering alert {AlertId} to {Address} failed; it will be retried", alert.AlertId, subscription.Address);
            failures.Add(ex);
        }
        return false;
    }

    private static int Finish(AlertMessage alert, int delivered, List<Exception> failures) =>
        failures.Count > 0
            ? throw new AggregateException($"Alert {alert.AlertId}: {failures.Count} subscription(s) could not be served; the alert will be retried for them.", failures)
            : delivered;

    private async Task<StatementDiff> ReadDiffAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var path = alert.TextBlob.EndsWith(".txt", StringComparison.Ordinal) ? alert.TextBlob[..^4] + ".diff.json" : alert.TextBlob + ".diff.json";
        var blob = await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken);
        if (blob is null)
        {
            logger.LogWarning("No diff at {Path}; the e-mail shows the mentions only", path);
            return StatementDiff.FirstVersion;
        }
        return PipelineJson.Deserialize<DetectionResult>(blob.ToString(), path).Diff;
    }
}
