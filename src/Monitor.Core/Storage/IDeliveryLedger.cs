namespace MinistryMonitor.Core.Storage;

/// <summary>E-mails already sent, per alert and recipient, so that a redelivered alert is mailed to nobody twice.</summary>
public interface IDeliveryLedger
{
    Task<bool> WasSentAsync(string alertId, string recipient, CancellationToken cancellationToken);

    Task RecordSentAsync(DeliveryRecord delivery, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryRecord>> ReadRecentAsync(int max, CancellationToken cancellationToken);
}

public sealed record DeliveryRecord(string AlertId, string Recipient, string TopicId, string Subject, DateTimeOffset SentAt);
