namespace Monitor.Core.Fetching;

/// <summary>
/// The fetch guard refused: the host resolved only to addresses that are not globally routable unicast (or are cloud
/// metadata, which no setting opens), or a redirect led to a scheme other than http and https.
/// </summary>
public sealed class ForbiddenAddressException(string message) : Exception(message);
