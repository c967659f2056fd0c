using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Web.Archive;

/// <summary>A source's display name from the sources file; its id when it is no longer configured.</summary>
public sealed class SourceNames(MonitorConfiguration configuration)
{
    public string Of(string sourceId) => configuration.Sources.FirstOrDefault(s => s.Id == sourceId)?.Name ?? sourceId;
}
