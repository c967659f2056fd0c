namespace MinistryMonitor.Core.Fetching;

/// <summary>A host name that does not resolve: a network error worth saying plainly (a typo in a source, or a site gone).</summary>
public sealed class HostNotFoundException(string host, Exception? inner)
    : Exception($"the host name {host} does not resolve (no DNS record{(inner is null ? string.Empty : ": " + inner.Message)})", inner)
{
    public string Host { get; } = host;
}
