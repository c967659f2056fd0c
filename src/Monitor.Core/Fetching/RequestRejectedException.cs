namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// The HTTP client's resilience pipeline refused a request: its time ran out, or the host's circuit is open. The site
/// is failing and retrying now would not help. Thrown by the host's HTTP handler, so that Core need not know which
/// resilience library the host uses.
/// </summary>
public sealed class RequestRejectedException(string message, Exception innerException) : Exception(message, innerException);
