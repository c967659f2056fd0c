using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.IntegrationTests.Fetching;

/// <summary>Each misbehaving server of one pipeline cycle gets the right log outcome; nothing is lost or duplicated; the others go on.</summary>
[Trait("Category", "Slow")]
public sealed class MisbehavingSitesTests(MisbehavingSites sites) : IClassFixture<MisbehavingSites>
{
    private List<StatementRecord> StatementsOf(string sourceId) => sites.Statements.Where(s => s.SourceId == sourceId).ToList();

    [Fact]
    public void RunCycle_AllMisbehavingSources_NothingPoisonedAndNoStatementTwice()
    {
        Assert.Equal(0, sites.Summary.Poisoned);
        Assert.All(sites.Statements.GroupBy(s => (s.SourceId, s.Url)), g => Assert.Single(g));
        Assert.All(sites.Statements, s => Assert.Equal(1, s.Version));
    }

    [Fact]
    public void RunCycle_HealthyGzippedListingWithOffSiteLinks_FollowsOnlyItsOwnSite()
    {
        var discovery = sites.Discovery("healthy");

        Assert.Equal((IngestionOutcome.Ok, 1, 1), (discovery.Outcome, discovery.ItemsFound, discovery.ItemsNew));
        Assert.EndsWith("/healthy/1", Assert.Single(StatementsOf("healthy")).Url.AbsolutePath);
        Assert.DoesNotContain(sites.Log, e => e.Url.Host != "127.0.0.1");
    }

    [Fact]
    public void RunCycle_500Then200_IsRetriedAndArchivedOnce()
    {
        Assert.Equal(IngestionOutcome.Ok, sites.Discovery("flaky").Outcome);
        Assert.Equal(2, sites.Harness.Site.HitsOf("flaky/"));
        Assert.Single(StatementsOf("flaky"));
    }

    [Fact]
    public void RunCycle_503WithoutRetryAfter_IsRetriedThenLoggedAsHttpError()
    {
        var discovery = sites.Discovery("unavailable");

        Assert.Equal((IngestionOutcome.HttpError, 503), (discovery.Outcome, discovery.HttpStatus));
        Assert.Equal(2, sites.Harness.Site.HitsOf("unavailable/"));
    }

    [Fact]
    public void RunCycle_429WithoutRetryAfter_IsBlockedNotRetriedAndTheOperatorsAreTold()
    {
        var discovery = sites.Discovery("rate-limited");

        Assert.Equal((IngestionOutcome.Blocked, 429), (discovery.Outcome, discovery.HttpStatus));
        Assert.Contains("rate limited", discovery.Error);
        Assert.Equal(1, sites.Harness.Site.HitsOf("rate-limited/"));
        Assert.Contains(sites.OperatorAlerts, a => a.Kind == OperatorAlert.SourceBlocked && a.SourceId == "rate-limited");
    }

    [Fact]
    public void RunCycle_ServerThatNeverAnswers_TimesOutAsNetworkError()
    {
        var discovery = sites.Discovery("slow");

        Assert.Equal(IngestionOutcome.NetworkError, discovery.Outcome);
        Assert.Contains("timeout", discovery.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(discovery.Duration < TimeSpan.FromSeconds(10), discovery.Duration.ToString());
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("truncated")]
    public void RunCycle_BodyCutOffOnce_LogsTheNetworkErrorAndArchivesOnTheRetry(string sourceId)
    {
        var pages = sites.Pages(sourceId);

        Assert.Equal([IngestionOutcome.NetworkError, IngestionOutcome.Ok], pages.Select(p => p.Outcome));
        Assert.Contains("cut off", pages[0].Error);
        Assert.Single(StatementsOf(sourceId));
    }

    [Theory]
    [InlineData("oversized")]
    [InlineData("bomb")]
    public void RunCycle_BodyLargerThanTheLimit_IsInvalidContentNotArchivedNotRetried(string sourceId)
    {
        var page = Assert.Single(sites.Pages(sourceId));

        Assert.Equal(IngestionOutcome.InvalidContent, page.Outcome);
        Assert.Contains("larger than 1024 KB once decompressed", page.Error);
        Assert.Empty(StatementsOf(sourceId));
    }

    [Theory]
    [InlineData("wrong-charset")]
    [InlineData("no-charset")]
    public async Task RunCycle_WrongOrMissingCharset_ArchivesCorrectCyrillic(string sourceId)
    {
        var statement = Assert.Single(StatementsOf(sourceId));

        var text = await sites.Harness.ReadArchiveAsync(statement.VersionPath(1, "txt"));

        Assert.Contains(MisbehavingSites.Phrase, text);
        Assert.Contains(await sites.Harness.AlertsAsync(), a => a.SourceId == sourceId && a.TopicId == "lachin-corridor");
    }

    [Fact]
    public void RunCycle_RedirectLoop_IsAnHttpErrorNamingTheLoop()
    {
        var discovery = sites.Discovery("loop");

        Assert.Equal((IngestionOutcome.HttpError, 302), (discovery.Outcome, discovery.HttpStatus));
        Assert.Contains("more than 5 redirects", discovery.Error);
    }

    [Fact]
    public void RunCycle_ListingDisallowedByRobotsTxt_IsSkippedAndLoggedAsRobots()
    {
        var discovery = sites.Discovery("robots");

        Assert.Equal(IngestionOutcome.Robots, discovery.Outcome);
        Assert.Contains("Disallow: /private/", discovery.Error);
        Assert.Equal(0, sites.Harness.Site.HitsOf("private/"));
    }

    [Fact]
    public void RunCycle_FeedUrlAnsweringAChallengePage_IsBlockedNeverArchivedAndTheOperatorsAreTold()
    {
        var discovery = sites.Discovery("challenge");

        Assert.Equal(IngestionOutcome.Blocked, discovery.Outcome);
        Assert.Contains("feed URL answered HTML", discovery.Error);
        Assert.Contains("Cloudflare challenge", discovery.Error);
        Assert.Empty(StatementsOf("challenge"));
        var alert = Assert.Single(sites.OperatorAlerts, a => a.SourceId == "challenge");
        Assert.Equal(OperatorAlert.SourceBlocked, alert.Kind);
    }

    [Theory]
    [InlineData("koi8-feed")]
    [InlineData("cp1251-feed")]
    public void RunCycle_RussianFeedWithCharsetOnlyInTheDeclarationOrOnlyInTheHeader_EveryItemIsArchived(string sourceId)
    {
        var expected = sourceId == "koi8-feed" ? MisbehavingSites.Koi8Items : MisbehavingSites.Cp1251Items;
        var discovery = sites.Discovery(sourceId);

        Assert.Equal((IngestionOutcome.Ok, expected, expected), (discovery.Outcome, discovery.ItemsFound, discovery.ItemsNew));
        Assert.Equal(expected, StatementsOf(sourceId).Count);
    }
}
