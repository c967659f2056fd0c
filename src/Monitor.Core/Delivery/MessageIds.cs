namespace MinistryMonitor.Core.Delivery;

/// <summary>The Message-Id of every e-mail the monitor sends ends in this domain, so replies and bounces can be told apart from others'.</summary>
public static class MessageIds
{
    /// <summary>The right-hand side of the Message-Id of every subscriber and operator e-mail.</summary>
    public const string Domain = "ministry-monitor.local";
}
