using MinistryMonitor.Core.Subscriptions;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Sends the daily and weekly digests that are due: for each digest subscription whose local send hour has passed,
/// the alerts filed for it, once per period (the once-ledger keyed by subscription and period: claim, send,
/// complete). Run hourly by the timer function and at every cycle of the local runner; running it more often, or
/// twice at once, sends nothing twice.
/// </summary>
public sealed class DigestStage(
    SubscriptionDirectory directory,
    IDigestInbox inbox,
    SubscriberLinks links,
    IMailSender mail,
    IWebhookSender webhooks,
    IOnceLedger once,
    IDeliveryLedger deliveries,
    Bounces bounces,
    TimeProvider time,
    ILogger<DigestStage> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Sends what is due; returns how many digests went out.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var snapshot = await directory.CurrentAsync(cancellationToken);
        var sent = 0;
        var failures = new List<Exception>();
        await using var session = await mail.OpenSessionAsync(cancellationToken);
        foreach (var subscription in snapshot.Subscriptions.Where(s => s.IsActive && s.Mode != DeliveryMode.Immediate))
        {
            var period = DigestSchedule.LatestDue(subscription, now);
            if (period is null) continue;
            var alerts = await inbox.ListAsync(subscription.Id, period.End, cancellationToken);
            if (alerts.Count == 0) continue;
            try
            {
                var key = new OnceKey("digest", $"{subscription.Id}/{period.Key}");
                var result = await once.RunOnceAsync(key, OnceLedgerExtensions.NewOwner(), Lease, time,
                    (accepted, ct) => subscription.Channel == Channel.Email
                        ? session.SendAsync(DigestEmailComposer.Compose(subscription, period, alerts, links, MessageIds.Domain), accepted, ct)
                        : webhooks.PostAsync(WebhookDigest(subscription, period, alerts), ct),
                    cancellationToken);
                if (result == OnceResult.HeldByOther) continue;
                if (result == OnceResult.Done)
                {
                    sent++;
                    await deliveries.RecordSentAsync(new DeliveryRecord($"digest-{period.Key}", subscription.Webhook?.GetLeftPart(UriPartial.Path) ?? subscription.Address,
                        string.Join(",", alerts.Select(a => a.TopicId).Distinct()), $"{period.Key} digest, {alerts.Count} alerts", time.GetUtcNow()), cancellationToken);
                    logger.LogInformation("Sent the {Period} digest of {Address}: {Count} alerts", period.Key, subscription.Address, alerts.Count);
                }
                // Sent now or before: what it held is not for the next digest.
                await inbox.RemoveAsync(subscription.Id, alerts.Select(a => a.AlertId), cancellationToken);
            }
            catch (MailRejectedException ex) when (ex.IsPermanent)
            {
                await bounces.MarkAsync(subscription, $"SMTP {ex.StatusCode}: {ex.Message}", CancellationToken.None);
            }
            catch (WebhookRejectedException ex)
            {
                await bounces.MarkAsync(subscription, ex.Message, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The {Period} digest of {Address} failed; the next run retries it", period.Key, subscription.Address);
                failures.Add(ex);
            }
        }
        if (failures.Count > 0) throw new AggregateException($"{failures.Count} digest(s) could not be sent; the next run retries them.", failures);
        return sent;
    }

    private static WebhookRequest WebhookDigest(Subscription subscription, DigestPeriod period, IReadOnlyList<AlertMessage> alerts)
    {
        var body = subscription.WebhookFormat == WebhookFormat.Text
            ? JsonSerializer.Serialize(new { text = $"Ministry Monitor digest {period.Key}: " + string.Join("\n", alerts.Select(a => $"[{a.TopicName}] {a.SourceName}: {a.Title ?? a.Url.AbsoluteUri}")) }, PipelineJson.Options)
            : JsonSerializer.Serialize(new { schemaVersion = 1, period = period.Key, start = period.Start, end = period.End, alerts }, PipelineJson.Options);
        var deliveryId = Hashes.Sha256($"digest\n{subscription.Id}\n{period.Key}")[..32];
        return new WebhookRequest(subscription.Webhook!, body, WebhookPayload.Sign(subscription.WebhookSecret ?? string.Empty, body), deliveryId, "digest");
    }
}
