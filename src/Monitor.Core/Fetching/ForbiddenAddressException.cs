namespace Monitor.Core.Fetching;

/// <summary>
/// The network guard refused a connection: the host resolved only to addresses the monitor must not reach (loopback,
/// private, link-local, unique-local, multicast, cloud metadata) and <c>Fetch:AllowPrivateNetworks</c> is off.
/// </summary>
public sealed class ForbiddenAddressException(string message) : Exception(message);
