namespace MinistryMonitor.Core.Messages;

/// <summary>
/// A message to the operators on the <c>operator-alerts</c> queue: a source that keeps failing (or finds no
/// statements any more, the usual sign that a ministry redesigned its site), a source that answers a challenge page
/// or a refusal (blocked, told at once), a source that recovered, or a message moved to a poison queue.
/// </summary>
public sealed record OperatorAlert(string Kind, string? SourceId, string Message, int? ConsecutiveFailures, DateTimeOffset At)
{
    public const string SourceFailing = "source-failing";
    public const string SourceRecovered = "source-recovered";
    public const string SourceBlocked = "source-blocked";
    public const string Poisoned = "poisoned";
    public const string StatementWithdrawn = "statement-withdrawn";
    public const string StatementRestored = "statement-restored";
}
