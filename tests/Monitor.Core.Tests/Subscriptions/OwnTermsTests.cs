using Microsoft.Extensions.Logging.Abstractions;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Tests.Subscriptions;

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

        await world.Stage.HandleAsync(SubscriptionWorld.Alert(topic: own.OwnTopicId!), CancellationToken.None);

        Assert.Equal(["a@example.org"], world.Mail.Sent.Select(m => m.To));
    }

    [Fact]
    public async Task Detect_OwnTermsAndCatalogueTopicInOneText_SplitsPublicTopicsFromPrivateMatches()
    {
        var world = new SubscriptionWorld();
        var own = await world.AddAsync("a@example.org", s => s with { Topics = [], Terms = ["peace treaty"] });
        var snapshot = await world.Directory.CurrentAsync(CancellationToken.None);

        var detection = snapshot.Detect("Talks were held.", "Talks were held.\n\nThe Lachin corridor and the peace treaty were discussed.");

        Assert.Equal(["lachin-corridor"], detection.PublicTopics);
        Assert.Equal(["lachin-corridor"], detection.Public.NewMentions.Select(m => m.TopicId));
        Assert.Equal([own.OwnTopicId], detection.PrivateMentions.Select(m => m.TopicId));
        Assert.Equal(2, detection.NewMentions.Count);
        Assert.False(snapshot.IsPublic(own.OwnTopicId!));
        Assert.Equal(["lachin-corridor"], snapshot.PublicTopicIds("The peace treaty and the Lachin corridor."));
    }

    [Fact]
    public void Validate_SameAddressTwice_GivesRandomOwnTermsIdsThatDoNotContainTheAddressHash()
    {
        var world = new SubscriptionWorld();
        var rules = new SubscriptionRules(world.Configuration.Topics, ["ru-mfa"], allowPrivateNetworks: false);
        var request = new Subscription { Address = "a@example.org", Terms = ["peace treaty"] };

        var first = rules.Validate(request);
        var second = rules.Validate(request);

        Assert.NotNull(first.OwnTermsId);
        Assert.NotEqual(first.OwnTermsId, second.OwnTermsId);
        Assert.DoesNotContain(Subscription.IdOf("a@example.org"), first.OwnTopicId!, StringComparison.Ordinal);
        Assert.Equal(first.OwnTermsId, rules.Validate(first).OwnTermsId); // kept once given
    }

    [Fact]
    public async Task MigrateAsync_OwnTermsStoredWithoutId_GetsOneIdOnceAndAlertsItsOwnerAgain()
    {
        var world = new SubscriptionWorld();
        // As stored before own terms had an id of their own.
        await world.Store.SaveAsync(new Subscription
        {
            Address = "a@example.org", Terms = ["peace treaty"], Status = SubscriptionStatus.Active, CreatedAt = world.Time.GetUtcNow(),
        }, CancellationToken.None);
        await world.AddAsync("b@example.org");
        var before = await world.Directory.CurrentAsync(CancellationToken.None);
        Assert.Empty(before.Detector.Match("The peace treaty was discussed."));
        var migration = new OwnTermsIds(world.Store, NullLogger<OwnTermsIds>.Instance);

        Assert.Equal(1, await migration.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await migration.MigrateAsync(CancellationToken.None));

        var migrated = (await world.Store.GetAsync(Subscription.IdOf("a@example.org"), CancellationToken.None))!;
        Assert.NotNull(migrated.OwnTermsId);
        var mention = Assert.Single((await world.Directory.CurrentAsync(CancellationToken.None)).Detector.Match("The peace treaty was discussed."));
        Assert.Equal(migrated.OwnTopicId, mention.TopicId);
        await world.Stage.HandleAsync(SubscriptionWorld.Alert(topic: mention.TopicId), CancellationToken.None);
        Assert.Equal(["a@example.org"], world.Mail.Sent.Select(m => m.To));
    }

    [Fact]
    public async Task TryReplaceAsync_SubscriptionChangedSinceRead_ReplacesNothing()
    {
        var world = new SubscriptionWorld();
        var read = await world.AddAsync("a@example.org", s => s with { Terms = ["peace treaty"] });
        await world.Store.SaveAsync(read with { OwnTermsId = "given-elsewhere" }, CancellationToken.None);

        Assert.False(await world.Store.TryReplaceAsync(read, read with { OwnTermsId = "late" }, CancellationToken.None));
        Assert.Equal("given-elsewhere", (await world.Store.GetAsync(read.Id, CancellationToken.None))!.OwnTermsId);
    }

    [Fact]
    public async Task ImportAsync_Twice_AddsOnceAndNeverRevivesAnUnsubscribedAddress()
    {
        var world = new SubscriptionWorld();
        var configuration = new MinistryMonitor.Core.Configuration.MonitorConfiguration(world.Configuration.Sources, world.Configuration.Topics,
            [new MinistryMonitor.Core.Delivery.Subscriber("a@example.org", "A", ["lachin-corridor"])]);
        var importer = new SubscriptionImporter(configuration, world.Store, world.Time, NullLogger<SubscriptionImporter>.Instance);

        Assert.Equal(1, await importer.ImportAsync(CancellationToken.None));
        var imported = Assert.Single(await world.Store.ListAsync(CancellationToken.None));
        Assert.Equal(SubscriptionStatus.Active, imported.Status);
        await world.Store.SaveAsync(imported with { Status = SubscriptionStatus.Unsubscribed }, CancellationToken.None);

        Assert.Equal(0, await importer.ImportAsync(CancellationToken.None));
        Assert.Equal(SubscriptionStatus.Unsubscribed, Assert.Single(await world.Store.ListAsync(CancellationToken.None)).Status);
    }
}
