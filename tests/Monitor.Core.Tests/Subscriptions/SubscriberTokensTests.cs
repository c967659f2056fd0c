using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Tests.Subscriptions;

public sealed class SubscriberTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SubscriberTokens _tokens;

    public SubscriberTokensTests() => _tokens = new SubscriberTokens("the-signing-key-of-this-test", _time);

    [Fact]
    public void Check_TokenItMade_IsValidForItsSubscription()
    {
        var id = Subscription.IdOf("a@example.org");

        Assert.Equal(TokenCheck.Valid, _tokens.Check(_tokens.Create(TokenPurpose.Unsubscribe, id), TokenPurpose.Unsubscribe, out var found));
        Assert.Equal(id, found);
    }

    [Fact]
    public void Check_TokenSignedWithAnotherKey_IsForged()
    {
        var other = new SubscriberTokens("somebody-elses-key-0000", _time);

        Assert.Equal(TokenCheck.Forged, _tokens.Check(other.Create(TokenPurpose.Unsubscribe, "abc"), TokenPurpose.Unsubscribe, out _));
    }

    [Fact]
    public void Check_PayloadSwappedForAnotherSubscription_IsForged()
    {
        var mine = _tokens.Create(TokenPurpose.Unsubscribe, Subscription.IdOf("a@example.org"));
        var theirs = _tokens.Create(TokenPurpose.Unsubscribe, Subscription.IdOf("b@example.org"));
        var spliced = theirs.Split('.')[0] + "." + mine.Split('.')[1];

        Assert.Equal(TokenCheck.Forged, _tokens.Check(spliced, TokenPurpose.Unsubscribe, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("....")]
    [InlineData("dS5hYmMuMA.AAAA")]
    public void Check_Garbage_IsForged(string token) =>
        Assert.Equal(TokenCheck.Forged, _tokens.Check(token, TokenPurpose.Unsubscribe, out _));

    [Fact]
    public void Check_ManageTokenAfterItsLifetime_IsExpired()
    {
        var token = _tokens.Create(TokenPurpose.Manage, "abc");
        _time.Advance(SubscriberTokens.ManageLifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(TokenCheck.Valid, _tokens.Check(token, TokenPurpose.Manage, out _));

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(TokenCheck.Expired, _tokens.Check(token, TokenPurpose.Manage, out _));
    }

    [Fact]
    public void Check_ConfirmTokenAfterAWeek_IsExpired()
    {
        var token = _tokens.Create(TokenPurpose.Confirm, "abc");
        _time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(TokenCheck.Expired, _tokens.Check(token, TokenPurpose.Confirm, out _));
    }

    [Fact]
    public void Check_UnsubscribeTokenYearsLater_StillWorks()
    {
        var token = _tokens.Create(TokenPurpose.Unsubscribe, "abc");
        _time.Advance(TimeSpan.FromDays(3 * 365));

        Assert.Equal(TokenCheck.Valid, _tokens.Check(token, TokenPurpose.Unsubscribe, out _));
    }

    [Fact]
    public void Check_UnsubscribeTokenUsedAsManageToken_IsNotForThis()
    {
        var token = _tokens.Create(TokenPurpose.Unsubscribe, "abc");

        Assert.Equal(TokenCheck.NotForThis, _tokens.Check(token, TokenPurpose.Manage, out _));
    }

    [Fact]
    public void CheckFor_TokenOfOneAddressUsedForAnother_IsNotForThis()
    {
        var token = _tokens.Create(TokenPurpose.Manage, Subscription.IdOf("a@example.org"));

        Assert.Equal(TokenCheck.Valid, _tokens.CheckFor(token, TokenPurpose.Manage, "A@Example.org"));
        Assert.Equal(TokenCheck.NotForThis, _tokens.CheckFor(token, TokenPurpose.Manage, "b@example.org"));
    }
}
