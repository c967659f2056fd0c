using System.Net;
using System.Text;
using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Core.Tests.Fetching;

public sealed class ChallengeDetectorTests
{
    private static readonly byte[] CloudflarePage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script>" +
        "<noscript>Enable JavaScript and cookies to continue</noscript></body></html>");

    [Fact]
    public void FromContent_FeedUrlAnsweringHtml_IsBlocked()
    {
        var reason = ChallengeDetector.FromContent(FetchPurpose.Feed, "text/html; charset=utf-8", Encoding.UTF8.GetBytes("<html><body>Welcome</body></html>"));

        Assert.Contains("feed URL answered HTML", reason);
    }

    [Fact]
    public void FromContent_CloudflareChallengeOnAListing_NamesTheChallenge()
    {
        Assert.Contains("Cloudflare challenge", ChallengeDetector.FromContent(FetchPurpose.Listing, "text/html", CloudflarePage));
    }

    [Fact]
    public void FromContent_RealFeed_IsNotBlocked()
    {
        var feed = SharedData.ReadFeedSnapshot(SharedData.FeedSnapshot("0001"));

        Assert.Null(ChallengeDetector.FromContent(FetchPurpose.Feed, "text/html; charset=UTF-8", feed));
    }

    [Fact]
    public void FromContent_LargeStatementQuotingAChallengePhrase_IsNotBlocked()
    {
        var page = Encoding.UTF8.GetBytes("<html><body><p>" + new string('x', 70_000) + "</p><p>Please enable JavaScript and cookies</p></body></html>");

        Assert.Null(ChallengeDetector.FromContent(FetchPurpose.Page, "text/html", page));
    }

    [Fact]
    public void FromContent_TheNinetyOneBenchmarkPages_AreNotBlocked()
    {
        foreach (var file in Directory.GetFiles(SharedData.PathOf("benchmarks", "article-extraction", "html"), "*.html.gz"))
        {
            var page = SharedData.ReadFeedSnapshot(file);
            Assert.True(ChallengeDetector.FromContent(FetchPurpose.Page, "text/html", page) is null, Path.GetFileName(file));
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "HTTP 403")]
    [InlineData(HttpStatusCode.TooManyRequests, "rate limited (server: cloudflare) without Retry-After")]
    public void FromStatus_WafStatuses_AreBlocked(HttpStatusCode status, string expected)
    {
        Assert.Contains(expected, ChallengeDetector.FromStatus(status, "cloudflare"));
    }

    [Fact]
    public void FromStatus_ServerError_IsNotBlocked()
    {
        Assert.Null(ChallengeDetector.FromStatus(HttpStatusCode.ServiceUnavailable, null));
    }
}
