using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Tests.Subscriptions;

public sealed class SubscriptionRulesTests
{
    private readonly SubscriptionRules _rules = new([new Topic("lachin-corridor", "Lachin corridor", ["Lachin corridor"])], ["ru-mfa"], allowPrivateNetworks: false);

    private static Subscription Valid => new() { Address = " a@example.org ", Topics = ["lachin-corridor"] };

    [Fact]
    public void Validate_GoodSubscription_TrimsTheAddress() => Assert.Equal("a@example.org", _rules.Validate(Valid).Address);

    [Theory]
    [InlineData("", "address")]
    [InlineData("not-an-address", "address")]
    [InlineData("a@b", "address")]
    [InlineData("Someone <a@example.org>", "address")]
    public void Validate_BadAddress_NamesTheField(string address, string field) =>
        Assert.Equal(field, Assert.Throws<SubscriptionException>(() => _rules.Validate(Valid with { Address = address })).Field);

    [Fact]
    public void Validate_UnknownTopic_ListsTheKnownOnes() =>
        Assert.Contains("known: lachin-corridor", Assert.Throws<SubscriptionException>(() => _rules.Validate(Valid with { Topics = ["nope"] })).Message);

    [Fact]
    public void Validate_NoTopicNoTerms_IsRefused() =>
        Assert.Equal("topic", Assert.Throws<SubscriptionException>(() => _rules.Validate(Valid with { Topics = [] })).Field);

    [Fact]
    public void Validate_TermWithBadSyntax_SaysWhy() =>
        Assert.Contains("NEAR", Assert.Throws<SubscriptionException>(() => _rules.Validate(Valid with { Terms = ["border NEAR/x delimitation"] })).Message);

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void Validate_UnknownTimeZone_IsRefused(string tz) =>
        Assert.Equal("tz", Assert.Throws<SubscriptionException>(() => _rules.Validate(Valid with { TimeZone = tz })).Field);

    [Fact]
    public void Validate_Hour24_IsRefused() =>
        Assert.Equal("hour", Assert.Throws<SubscriptionException>(() => _rules.Validate(Valid with { Hour = 24 })).Field);

    [Theory]
    [InlineData("http://hooks.example.org/x", "must use https")]
    [InlineData("https://user:pw@hooks.example.org/x", "credentials")]
    [InlineData("https://127.0.0.1:5000/x", "Fetch:AllowPrivateNetworks")]
    [InlineData("https://10.0.0.5/x", "private network")]
    public void Validate_UnsafeWebhook_IsRefused(string url, string reason) =>
        Assert.Contains(reason, Assert.Throws<SubscriptionException>(() => _rules.Validate(Valid with { Webhook = new Uri(url) })).Message);

    [Fact]
    public void Validate_LoopbackWebhookWithPrivateNetworksAllowed_IsAccepted()
    {
        var rules = new SubscriptionRules([new Topic("lachin-corridor", "Lachin corridor", ["Lachin corridor"])], ["ru-mfa"], allowPrivateNetworks: true);

        Assert.NotNull(rules.Validate(Valid with { Webhook = new Uri("http://127.0.0.1:5000/hook") }).Webhook);
    }
}
