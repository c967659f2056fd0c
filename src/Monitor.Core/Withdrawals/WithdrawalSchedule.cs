namespace MinistryMonitor.Core.Withdrawals;

/// <summary>
/// When an archived statement's page is fetched again to see whether the ministry withdrew it: every
/// <see cref="RecentInterval"/> while it is younger than <see cref="RecentPeriod"/> (most withdrawals come within days),
/// then every <see cref="OlderInterval"/> until <see cref="Window"/> has passed since it was first seen; never after.
/// Checks are points in a statement's life (first seen + 1 day, + 2 days …), so whether one is due depends only on the
/// last sweep and now: no per-statement state, and a missed sweep is made up by the next one.
/// </summary>
public sealed record WithdrawalSchedule(TimeSpan RecentInterval, TimeSpan RecentPeriod, TimeSpan OlderInterval, TimeSpan Window)
{
    /// <summary>Daily in the first week, then every 3 days up to 30 days.</summary>
    public static WithdrawalSchedule Default { get; } = new(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(3), TimeSpan.FromDays(30));

    public bool Enabled => Window > TimeSpan.Zero;

    /// <summary>How often a source's recent statements are swept: as often as the closest checks come.</summary>
    public TimeSpan SweepInterval => RecentInterval < OlderInterval ? RecentInterval : OlderInterval;

    /// <summary>Whether a check of a statement first seen at <paramref name="firstSeen"/> falls after <paramref name="lastSweep"/> and by <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset firstSeen, DateTimeOffset lastSweep, DateTimeOffset now) =>
        Enabled && ChecksBy(now - firstSeen) > ChecksBy(lastSweep - firstSeen);

    /// <summary>How many checks fall within the first <paramref name="age"/> of a statement's life.</summary>
    private long ChecksBy(TimeSpan age)
    {
        if (age <= TimeSpan.Zero) return 0;
        if (age > Window) age = Window;
        if (age <= RecentPeriod) return (long)(age / RecentInterval);
        return (long)(RecentPeriod / RecentInterval) + (long)((age - RecentPeriod) / OlderInterval);
    }
}
