using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Tests.Subscriptions;

public sealed class DigestScheduleTests
{
    private static Subscription Daily(int hour, string tz) => new() { Address = "a@example.org", Mode = DeliveryMode.Daily, Hour = hour, TimeZone = tz };

    [Fact]
    public void LatestDue_Moscow9am_IsSixUtc()
    {
        var due = DigestSchedule.LatestDue(Daily(9, "Europe/Moscow"), new DateTimeOffset(2026, 7, 10, 6, 30, 0, TimeSpan.Zero))!;

        Assert.Equal(new DateTimeOffset(2026, 7, 10, 6, 0, 0, TimeSpan.Zero), due.End);
        Assert.Equal(new DateTimeOffset(2026, 7, 9, 6, 0, 0, TimeSpan.Zero), due.Start);
        Assert.Equal("daily-2026-07-10", due.Key);
    }

    [Fact]
    public void LatestDue_BeforeTheHour_IsYesterdaysPeriod()
    {
        var due = DigestSchedule.LatestDue(Daily(9, "Europe/Moscow"), new DateTimeOffset(2026, 7, 10, 5, 59, 0, TimeSpan.Zero))!;

        Assert.Equal("daily-2026-07-09", due.Key);
    }

    [Fact]
    public void SendTime_NewYorkAcrossDst_KeepsTheLocalHour()
    {
        var zone = SubscriptionRules.FindTimeZone("America/New_York");

        // 8:00 EST is 13:00 UTC; after the spring change (8 March 2026) 8:00 EDT is 12:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 13, 0, 0, TimeSpan.Zero), DigestSchedule.SendTime(new DateOnly(2026, 3, 7), 8, zone).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), DigestSchedule.SendTime(new DateOnly(2026, 3, 9), 8, zone).ToUniversalTime());
    }

    [Fact]
    public void SendTime_HourSkippedBySpringForward_GoesOutRightAfterTheGap()
    {
        // Europe/Berlin jumps from 02:00 to 03:00 on 29 March 2026.
        var at = DigestSchedule.SendTime(new DateOnly(2026, 3, 29), 2, SubscriptionRules.FindTimeZone("Europe/Berlin"));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Fact]
    public void SendTime_HourRepeatedByFallBack_GoesOutTheFirstTime()
    {
        // Europe/Berlin repeats 02:00–03:00 on 25 October 2026; the first 02:00 is 00:00 UTC.
        var at = DigestSchedule.SendTime(new DateOnly(2026, 10, 25), 2, SubscriptionRules.FindTimeZone("Europe/Berlin"));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), at.ToUniversalTime());
    }

    [Fact]
    public void LatestDue_Weekly_IsTheLastChosenWeekday()
    {
        var weekly = Daily(7, "Asia/Baku") with { Mode = DeliveryMode.Weekly, WeeklyOn = DayOfWeek.Monday };

        // Wednesday 11 March 2026: the latest Monday 07:00 in Baku (UTC+4) was 9 March, 03:00 UTC.
        var due = DigestSchedule.LatestDue(weekly, new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero))!;

        Assert.Equal("weekly-2026-03-09", due.Key);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 3, 0, 0, TimeSpan.Zero), due.End);
        Assert.Equal(TimeSpan.FromDays(7), due.End - due.Start);
    }

    [Fact]
    public void LatestDue_Immediate_IsNull() =>
        Assert.Null(DigestSchedule.LatestDue(new Subscription { Address = "a@example.org" }, DateTimeOffset.UtcNow));
}
