namespace MinistryMonitor.Core.Subscriptions;

/// <summary>A digest's period: alerts raised in [Start, End) go out at End.</summary>
/// <param name="Key">Names the period in the subscriber's calendar ("daily-2026-03-29"), the digest ledger's row key.</param>
public sealed record DigestPeriod(string Key, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// When daily and weekly digests go out: at the subscriber's local hour, in their IANA time zone, across DST.
/// An hour that does not exist on a spring-forward day goes out at the first instant after the gap; an hour that
/// happens twice on a fall-back day goes out the first time.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The latest period that has ended at or before <paramref name="now"/>; null for immediate mode.</summary>
    public static DigestPeriod? LatestDue(Subscription subscription, DateTimeOffset now)
    {
        if (subscription.Mode == DeliveryMode.Immediate) return null;
        var zone = SubscriptionRules.FindTimeZone(subscription.TimeZone);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        // Walk back over local days until a send time at or before now is found (at most 8 days for weekly).
        for (var day = localToday; day >= localToday.AddDays(-8); day = day.AddDays(-1))
        {
            if (subscription.Mode == DeliveryMode.Weekly && day.DayOfWeek != subscription.WeeklyOn) continue;
            var end = SendTime(day, subscription.Hour, zone);
            if (end > now) continue;
            var previousDay = subscription.Mode == DeliveryMode.Daily ? day.AddDays(-1) : day.AddDays(-7);
            var start = SendTime(previousDay, subscription.Hour, zone);
            var prefix = subscription.Mode == DeliveryMode.Daily ? "daily" : "weekly";
            return new DigestPeriod($"{prefix}-{day:yyyy-MM-dd}", start, end);
        }
        return null;
    }

    /// <summary>The instant the local clock in <paramref name="zone"/> shows <paramref name="hour"/>:00 on <paramref name="day"/>.</summary>
    public static DateTimeOffset SendTime(DateOnly day, int hour, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        // Skipped by a spring-forward: move to the first minute that exists.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        if (zone.IsAmbiguousTime(local))
        {
            // Happens twice: the first occurrence has the larger (summer) offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
