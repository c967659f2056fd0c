using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// A permanent refusal (SMTP 5xx, a webhook's 4xx) marks the subscription as bouncing, so nothing more is sent to
/// it, and tells the operators on the operator-alerts queue. Retrying would not help.
/// </summary>
public sealed class Bounces(ISubscriptionStore store, IMessageQueue queue, TimeProvider time, ILogger<Bounces> logger)
{
    public const string OperatorAlertKind = "subscriber-bouncing";

    public async Task MarkAsync(Subscription subscription, string reason, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(subscription.Id, cancellationToken) ?? subscription;
        if (current.Status == SubscriptionStatus.Bouncing) return;
        await store.SaveAsync(current with { Status = SubscriptionStatus.Bouncing, LastError = reason }, cancellationToken);
        logger.LogWarning("Subscription of {Address} marks as bouncing: {Reason}", subscription.Address, reason);
        await queue.SendAsync(QueueNames.OperatorAlerts, new OperatorAlert(OperatorAlertKind, null,
            $"{subscription.Address} is refused permanently and gets nothing more until it is fixed (`monitor subscribers add` again re-activates it): {reason}",
            null, time.GetUtcNow()), cancellationToken);
    }
}
