namespace MinistryMonitor.Core.Messages;

/// <summary>
/// The Azure Storage queues between the stages. Each queue is named after the stage that consumes it,
/// except <see cref="Alerts"/>, which is also the public outbound stream of alerts.
/// </summary>
public static class QueueNames
{
    public const string Discover = "discover";
    public const string Fetch = "fetch";
    public const string Detect = "detect";
    public const string Alerts = "alerts";

    /// <summary>Failures an operator must see (poisoned messages, sources failing repeatedly).</summary>
    public const string OperatorAlerts = "operator-alerts";

    /// <summary>The queues that carry pipeline work, in flow order.</summary>
    public static IReadOnlyList<string> Pipeline { get; } = [Discover, Fetch, Detect, Alerts];

    /// <summary>Where the Functions host (and the local runner) moves a message that failed too often.</summary>
    public static string PoisonOf(string queue) => queue + "-poison";
}
