using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Core.Tests.Subscriptions;

namespace MinistryMonitor.Core.Tests.Stages;

public sealed class DigestStageTests
{
    [Fact]
    public async Task RunAsync_HourlyAcrossADay_SendsEachDigestOnceAtItsLocalHour()
    {
        // Sunday 8 March 2026 is the day New York moves to summer time; Moscow does not change.
        var world = new SubscriptionWorld(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));
        await world.AddAsync("moscow@example.org", s => s with { Mode = DeliveryMode.Daily, Hour = 9, TimeZone = "Europe/Moscow" });
        await world.AddAsync("newyork@example.org", s => s with { Mode = DeliveryMode.Daily, Hour = 8, TimeZone = "America/New_York" });
        await world.Stage.HandleAsync(SubscriptionWorld.Alert("a1"), CancellationToken.None);
        await world.Stage.HandleAsync(SubscriptionWorld.Alert("a2", source: "us-state"), CancellationToken.None);

        var sentAt = new List<(string To, DateTimeOffset At)>();
        for (var hour = 0; hour < 48; hour++)
        {
            world.Time.Advance(TimeSpan.FromHours(1));
            var before = world.Mail.Sent.Count;
            await world.Digests.RunAsync(CancellationToken.None);
            await world.Digests.RunAsync(CancellationToken.None); // a second run in the same hour sends nothing
            sentAt.AddRange(world.Mail.Sent.Skip(before).Select(m => (m.To, world.Time.GetUtcNow())));
            if (hour == 30) await world.Stage.HandleAsync(SubscriptionWorld.Alert("a3"), CancellationToken.None);
        }

        // Moscow 09:00 = 06:00 UTC. New York 08:00 = 13:00 UTC on Saturday 7 March (EST), 12:00 UTC from Sunday (EDT).
        // a3 arrives on 8 March at 19:00 UTC: after New York's digest of that day, so it goes out on the 9th.
        Assert.Equal(
            [
                ("newyork@example.org", new DateTimeOffset(2026, 3, 7, 13, 0, 0, TimeSpan.Zero)),
                ("moscow@example.org", new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero)),
                ("moscow@example.org", new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero)),
                ("newyork@example.org", new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero)),
            ],
            sentAt);
    }

    [Fact]
    public async Task RunAsync_Digest_GroupsByTopicAndMinistryWithUnsubscribeHeaders()
    {
        var world = new SubscriptionWorld(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero));
        await world.AddAsync("moscow@example.org", s => s with { Mode = DeliveryMode.Daily, Hour = 9, TimeZone = "Europe/Moscow" });
        await world.Stage.HandleAsync(SubscriptionWorld.Alert("a1"), CancellationToken.None);
        await world.Stage.HandleAsync(SubscriptionWorld.Alert("a2", source: "us-state"), CancellationToken.None);
        world.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await world.Digests.RunAsync(CancellationToken.None));

        var digest = Assert.Single(world.Mail.Sent);
        Assert.StartsWith("Daily digest, 2026-03-02: 2 alerts on Lachin corridor", digest.Subject);
        Assert.Contains("== Lachin corridor ==", digest.TextBody);
        Assert.True(digest.TextBody.IndexOf("MFA of Russia:", StringComparison.Ordinal) < digest.TextBody.IndexOf("U.S. State Department:", StringComparison.Ordinal));
        Assert.Contains("https://monitor.example/statements/us-state/s-a2", digest.TextBody);
        Assert.Contains("On &lt;transport&gt; &amp; trade", digest.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(0, world.Inbox.Count);
    }

    [Fact]
    public async Task RunAsync_NothingFiled_SendsNothing()
    {
        var world = new SubscriptionWorld(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await world.AddAsync("moscow@example.org", s => s with { Mode = DeliveryMode.Daily, Hour = 9, TimeZone = "Europe/Moscow" });

        Assert.Equal(0, await world.Digests.RunAsync(CancellationToken.None));
        Assert.Empty(world.Mail.Sent);
    }
}
