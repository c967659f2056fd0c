using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Operators;

/// <summary>An operator alert as kept in the operator alert log, long after its queue message expired.</summary>
/// <param name="MailedTo">The operators it was mailed to (comma-separated), once they all were; empty when nobody is configured; null while pending.</param>
public sealed record OperatorAlertRecord(string Id, OperatorAlert Alert, DateTimeOffset RecordedAt, DateTimeOffset? MailedAt, string? MailedTo)
{
    /// <summary>
    /// The alert's id, the same for every delivery of the same queue message (it is derived from the message's content),
    /// so a redelivered alert is recorded and mailed once.
    /// </summary>
    public static string IdOf(OperatorAlert alert) =>
        Hashes.Sha256(string.Join('\n', alert.Kind, alert.SourceId ?? string.Empty, alert.At.UtcTicks, alert.Message))[..24];
}
