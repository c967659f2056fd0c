using MinistryMonitor.Core.Withdrawals;

namespace MinistryMonitor.Core.Tests.Withdrawals;

public sealed class WithdrawalScheduleTests
{
    private static readonly DateTimeOffset FirstSeen = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly WithdrawalSchedule Schedule = WithdrawalSchedule.Default;

    /// <summary>Daily sweeps over 40 days: the days on which the default schedule checks a statement.</summary>
    [Fact]
    public void IsDue_DailySweepsOverFortyDays_ChecksDailyForAWeekThenEveryThreeDaysUntilThirty()
    {
        var sweep = FirstSeen.AddHours(2); // sweeps at 12:00 each day
        var due = new List<int>();
        for (var day = 1; day <= 40; day++)
        {
            var now = sweep.AddDays(day);
            if (Schedule.IsDue(FirstSeen, now.AddDays(-1), now)) due.Add(day);
        }
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 10, 13, 16, 19, 22, 25, 28], due);
    }

    [Fact]
    public void IsDue_SweepsMissedForFourDays_TheNextSweepMakesUpWithOneCheck() =>
        Assert.True(Schedule.IsDue(FirstSeen, FirstSeen.AddHours(1), FirstSeen.AddDays(4)));

    [Fact]
    public void IsDue_WindowZero_NeverChecks() =>
        Assert.False((Schedule with { Window = TimeSpan.Zero }).IsDue(FirstSeen, FirstSeen, FirstSeen.AddDays(2)));

    [Fact]
    public void IsDue_StatementFirstSeenAfterTheLastSweep_IsDueOnceItsFirstIntervalHasPassed()
    {
        Assert.False(Schedule.IsDue(FirstSeen, FirstSeen.AddHours(-1), FirstSeen.AddHours(23)));
        Assert.True(Schedule.IsDue(FirstSeen, FirstSeen.AddHours(-1), FirstSeen.AddHours(25)));
    }
}
