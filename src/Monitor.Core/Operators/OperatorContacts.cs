namespace MinistryMonitor.Core.Operators;

/// <summary>Who is told when a source fails, is blocked or recovers, and when messages are poisoned (setting <c>Operators:Emails</c>).</summary>
public sealed record OperatorContacts(IReadOnlyList<string> Emails)
{
    /// <summary>"a@x.org, b@y.org" or "a@x.org; b@y.org".</summary>
    public static IReadOnlyList<string> Split(string? emails) =>
        (emails ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
