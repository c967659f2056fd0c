using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Options;

/// <summary>The operator's configuration files. Relative paths are taken from the content root.</summary>
public sealed class MonitorFilesOptions
{
    public const string SectionName = "Monitor";

    [Required]
    public string SourcesFile { get; set; } = "sources.json";

    [Required]
    public string TopicsFile { get; set; } = "topics.json";

    [Required]
    public string SubscriptionsFile { get; set; } = "subscriptions.json";
}
