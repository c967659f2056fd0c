namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// The fetch guard refused: the host resolved only to addresses that are not globally routable unicast (or are cloud
/// metadata, which no setting opens).
/// </summary>
public sealed class ForbiddenAddressException(string message) : Exception(message);
