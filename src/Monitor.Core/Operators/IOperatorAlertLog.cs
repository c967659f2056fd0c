namespace MinistryMonitor.Core.Operators;

/// <summary>Every operator alert raised, kept in a table (the queue message expires after 7 days).</summary>
public interface IOperatorAlertLog
{
    /// <summary>Records the alert unless it is recorded already (a conditional insert); returns the stored record.</summary>
    Task<OperatorAlertRecord> RecordAsync(OperatorAlertRecord record, CancellationToken cancellationToken);

    Task MarkMailedAsync(string id, IReadOnlyList<string> recipients, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The newest alerts first.</summary>
    Task<IReadOnlyList<OperatorAlertRecord>> ReadRecentAsync(int max, CancellationToken cancellationToken);
}
