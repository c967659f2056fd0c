using System.ComponentModel.DataAnnotations;
using MinistryMonitor.Core.Withdrawals;

namespace MinistryMonitor.Infrastructure.Options;

/// <summary>How often archived statements are fetched again to see whether the ministry withdrew them (<see cref="WithdrawalSchedule"/>).</summary>
public sealed class WithdrawalOptions
{
    public const string SectionName = "Withdrawals";

    /// <summary>Hours between checks while a statement is younger than <see cref="RecentDays"/>.</summary>
    [Range(0.00001, 24 * 30)]
    public double RecentIntervalHours { get; set; } = 24;

    [Range(0, 365)]
    public double RecentDays { get; set; } = 7;

    /// <summary>Hours between checks after that, until <see cref="WindowDays"/>.</summary>
    [Range(0.00001, 24 * 30)]
    public double OlderIntervalHours { get; set; } = 72;

    /// <summary>Days after first sight during which a statement is checked; 0 turns the checks off.</summary>
    [Range(0, 365)]
    public double WindowDays { get; set; } = 30;

    public WithdrawalSchedule Schedule() => new(TimeSpan.FromHours(RecentIntervalHours), TimeSpan.FromDays(RecentDays),
        TimeSpan.FromHours(OlderIntervalHours), TimeSpan.FromDays(WindowDays));
}
