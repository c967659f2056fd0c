using System.ComponentModel.DataAnnotations;

namespace Monitor.Infrastructure.Options;

/// <summary>How ministry sites are fetched.</summary>
public sealed class FetchOptions
{
    public const string SectionName = "Fetch";

    [Required]
    public string UserAgent { get; set; } = "MinistryMonitor/1.0 (+https://github.com/ministry-monitor)";

    /// <summary>Time allowed for one attempt; the resilience pipeline retries within <see cref="TotalTimeoutSeconds"/>.</summary>
    [Range(1, 300)]
    public int AttemptTimeoutSeconds { get; set; } = 30;

    [Range(1, 900)]
    public int TotalTimeoutSeconds { get; set; } = 120;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;
}
