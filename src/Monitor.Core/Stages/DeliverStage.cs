using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Delivers an alert to the subscriptions that want it (<see cref="AlertDelivery"/>: e-mail, webhook or the next
/// digest), each at most once whatever the concurrency: every e-mail and webhook call is claimed in the
/// <see cref="IOnceLedger"/> before it is made and completed the moment the receiver accepts it.
/// </summary>
public sealed class DeliverStage(AlertDelivery delivery)
{
    /// <summary>The right-hand side of the Message-Id of every alert e-mail.</summary>
    public const string MessageIdDomain = AlertDelivery.MessageIdDomain;

    /// <summary>The <see cref="OnceKey.Scope"/> of alert e-mails.</summary>
    public const string MailScope = AlertDelivery.MailScope;

    public static OnceKey MailKey(string alertId, string recipient) => AlertDelivery.MailKey(alertId, recipient);

    public async Task<int> HandleAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        if (alert.SchemaVersion > AlertMessage.CurrentSchemaVersion)
            throw new InvalidMessageException(QueueNames.Alerts, $"alert schema version {alert.SchemaVersion} is newer than this code understands ({AlertMessage.CurrentSchemaVersion})");
        return await delivery.DeliverAsync(alert, cancellationToken);
    }
}
