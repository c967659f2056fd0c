namespace MinistryMonitor.Core.Subscriptions;

/// <summary>A subscription that cannot be accepted, with the field at fault and what is wrong with it.</summary>
public sealed class SubscriptionException(string field, string problem)
    : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
