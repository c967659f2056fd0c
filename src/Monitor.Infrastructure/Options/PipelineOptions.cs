using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Options;

/// <summary>How the local runner processes the queues (on Azure, host.json sets the same for the Functions host).</summary>
public sealed class PipelineOptions
{
    /// <summary>Was <c>Pipeline</c>, still read for one release (<see cref="Configuration.RenamedSettings"/>).</summary>
    public const string SectionName = "LocalRunner";

    /// <summary>Attempts before a message is moved to its poison queue; host.json's maxDequeueCount.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>How many messages of a batch are handled at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>How long a failed message stays invisible before its next attempt (doubled per attempt).</summary>
    [Range(0, 3600)]
    public double RetryDelaySeconds { get; set; } = 2;

    /// <summary>
    /// The longest a failed message waits for its next attempt. The doubling counts every time the message was
    /// received, by killed runs too, so without a ceiling a message several crashed runs had held could sleep for hours.
    /// </summary>
    [Range(0, 86400)]
    public double MaxRetryDelaySeconds { get; set; } = 300;

    /// <summary>How long a message that failed on its <paramref name="attempt"/>-th receipt waits: doubling from <see cref="RetryDelaySeconds"/>, at most <see cref="MaxRetryDelaySeconds"/>.</summary>
    public TimeSpan RetryDelayAfter(long attempt) =>
        TimeSpan.FromSeconds(Math.Min(RetryDelaySeconds * Math.Pow(2, Math.Max(attempt, 1) - 1), MaxRetryDelaySeconds));

    /// <summary>
    /// How long the local runner holds a message it works on (renewed every third of it while it works); the messages
    /// of a killed run reappear after it.
    /// </summary>
    [Range(1, 3600)]
    public int MessageLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// How long a claim on an e-mail (or another once-only effect) holds before a retry may take it over and do it
    /// again: longer than a send can take (<c>Smtp:TimeoutSeconds</c> per SMTP step), shorter than a crashed
    /// message takes to reappear. See <see cref="MinistryMonitor.Core.Storage.IOnceLedger"/>.
    /// </summary>
    [Range(1, 3600)]
    public int ClaimLeaseSeconds { get; set; } = 120;

    /// <summary>How often <c>monitor run</c> checks which sources are due.</summary>
    [Range(1, 1440)]
    public int ScheduleMinutes { get; set; } = 5;
}
