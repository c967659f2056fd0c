using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Withdrawals;

namespace MinistryMonitor.Core.Tests.Withdrawals;

public sealed class WithdrawalVerdictTests
{
    private static readonly Source Listing = new("mfa", "MFA", "en", null, new SourceListing(new Uri("https://mfa.example/en/news/"), "a"), ExtractionSelectors.None, TimeSpan.FromMinutes(15));
    private static readonly Uri Statement = new("https://mfa.example/en/news/2026/05/statement-on-talks");

    [Theory]
    [InlineData(IngestionOutcome.HttpError, 404, null, PageState.Withdrawn)]
    [InlineData(IngestionOutcome.HttpError, 410, null, PageState.Withdrawn)]
    [InlineData(IngestionOutcome.HttpError, 500, null, PageState.Unknown)]
    [InlineData(IngestionOutcome.HttpError, 503, null, PageState.Unknown)]
    [InlineData(IngestionOutcome.NetworkError, null, null, PageState.Unknown)]
    [InlineData(IngestionOutcome.Blocked, 403, null, PageState.Unknown)]
    [InlineData(IngestionOutcome.Robots, null, null, PageState.Unknown)]
    [InlineData(IngestionOutcome.NotModified, 304, null, PageState.Present)]
    [InlineData(IngestionOutcome.Ok, 200, null, PageState.Present)]
    [InlineData(IngestionOutcome.Ok, 200, "https://mfa.example/", PageState.Withdrawn)]
    [InlineData(IngestionOutcome.Ok, 200, "https://mfa.example/en/news/", PageState.Withdrawn)]
    [InlineData(IngestionOutcome.Ok, 200, "https://mfa.example/en/news", PageState.Withdrawn)]
    [InlineData(IngestionOutcome.Ok, 200, "https://mfa.example/en", PageState.Withdrawn)]
    [InlineData(IngestionOutcome.Ok, 200, "https://mfa.example/en/news/2026/05/statement-on-talks/", PageState.Present)]
    [InlineData(IngestionOutcome.Ok, 200, "https://mfa.example/en/news/2026/05/statement-on-the-talks", PageState.Present)]
    [InlineData(IngestionOutcome.Ok, 200, "https://www.mfa.example/en/news/2026/05/statement-on-talks", PageState.Present)]
    public void Judge_Response_GivesThePageState(IngestionOutcome outcome, int? status, string? finalUrl, PageState expected)
    {
        var page = new FetchedPage(finalUrl is null ? Statement : new Uri(finalUrl), outcome, status, "text/html", [], DateTimeOffset.UnixEpoch, TimeSpan.Zero, null, RequestedUrl: Statement);
        Assert.Equal(expected, WithdrawalVerdict.Judge(Listing, Statement, page).State);
    }

    [Fact]
    public void RedirectsAway_StatementAtTheRootRedirectedToItsLanguageVersion_IsNotAWithdrawal() =>
        Assert.False(WithdrawalVerdict.RedirectsAway(Listing, new Uri("https://mfa.example/?p=123"), new Uri("https://mfa.example/?p=123&lang=en")));
}
