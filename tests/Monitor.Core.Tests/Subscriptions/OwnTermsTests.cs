using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Core.Subscriptions;

namespace Monitor.Core.Tests.Subscriptions;

public sealed class OwnTermsTests
{
    [Fact]
    public async Task CurrentAsync_SubscriberOwnTerms_MatchInflectedFormsAndNameTheSubscriberTopic()
    {
        var world = new SubscriptionWorld();
        var own = await world.AddAsync("a@example.org", s => s with { Topics = [], Terms = ["Лачинский коридор"] });

        var detector = (await world.Directory.CurrentAsync(CancellationToken.None)).Detector;
        var mentions = detector.Match("Стороны обсудили разблокирование Лачинского коридора и мирный договор.");

        Assert.Contains(mentions, m => m.TopicId == own.OwnTopicId && m.MatchedText == "Лачинского коридора");
    }

    [Fact]
    public async Task CurrentAsync_SubscriptionAdded_RebuildsTheDetectorWithoutARestart()
    {
        var world = new SubscriptionWorld();
        var before = await world.Directory.CurrentAsync(CancellationToken.None);
        Assert.Same(before, await world.Directory.CurrentAsync(CancellationToken.None));
        Assert.DoesNotContain(before.Detector.Match("The peace treaty was discussed."), m => m.TopicId.StartsWith(Subscription.OwnTopicPrefix, StringComparison.Ordinal));

        var own = await world.AddAsync("a@example.org", s => s with { Topics = [], Terms = ["peace treaty"] });
        var after = await world.Directory.CurrentAsync(CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Contains(after.Detector.Match("The peace treaty was discussed."), m => m.TopicId == own.OwnTopicId);
    }

    [Fact]
    public async Task CurrentAsync_UnsubscribedOwnTerms_AreNotCompiled()
    {
        var world = new SubscriptionWorld();
        await world.AddAsync("a@example.org", s => s with { Topics = [], Terms = ["peace treaty"], Status = SubscriptionStatus.Unsubscribed });

        var snapshot = await world.Directory.CurrentAsync(CancellationToken.None);

        Assert.Empty(snapshot.Detector.Match("The peace treaty was discussed."));
    }

    [Fact]
    public async Task DeliverAsync_AlertOnOwnTopic_GoesToThatSubscriberOnly()
    {
        var world = new SubscriptionWorld();
        var own = await world.AddAsync("a@example.org", s => s with { Topics = [], Terms = ["peace treaty"] });
        await world.AddAsync("b@example.org", s => s with { Topics = [], Terms = ["peace treaty"] });

        await world.Stage.HandleAsync(SubscriptionWorld.Alert(topic: own.OwnTopicId), CancellationToken.None);

        Assert.Equal(["a@example.org"], world.Mail.Sent.Select(m => m.To));
    }

    [Fact]
    public async Task ImportAsync_Twice_AddsOnceAndNeverRevivesAnUnsubscribedAddress()
    {
        var world = new SubscriptionWorld();
        var configuration = new Monitor.Core.Configuration.MonitorConfiguration(world.Configuration.Sources, world.Configuration.Topics,
            [new Monitor.Core.Delivery.Subscriber("a@example.org", "A", ["lachin-corridor"])]);
        var importer = new SubscriptionImporter(configuration, world.Store, world.Time, NullLogger<SubscriptionImporter>.Instance);

        Assert.Equal(1, await importer.ImportAsync(CancellationToken.None));
        var imported = Assert.Single(await world.Store.ListAsync(CancellationToken.None));
        Assert.Equal(SubscriptionStatus.Active, imported.Status);
        await world.Store.SaveAsync(imported with { Status = SubscriptionStatus.Unsubscribed }, CancellationToken.None);

        Assert.Equal(0, await importer.ImportAsync(CancellationToken.None));
        Assert.Equal(SubscriptionStatus.Unsubscribed, Assert.Single(await world.Store.ListAsync(CancellationToken.None)).Status);
    }
}
