using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests.Fakes;

namespace MinistryMonitor.Core.Tests.Health;

public sealed class SourceHealthReportTests
{
    private static readonly DateTimeOffset Now = new(2025, 4, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemorySourceState _state = new();
    private readonly InMemoryStatementIndex _index = new();

    private static readonly Source Listing = new("am-mfa", "Armenia MFA", "en", null,
        new SourceListing(new Uri("https://www.mfa.am/en/news"), "div.news-list ul li a"),
        new ExtractionSelectors(Body: "div.static-content"), TimeSpan.FromMinutes(30));

    private static readonly Source Feed = new("us-state", "State", "en", new Uri("https://www.state.gov/feed/"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15));

    [Fact]
    public async Task ReadAsync_FailuresAfterSuccess_ReportLastSuccessFailureReasonAndCount()
    {
        await _state.RecordDiscoveryAsync("am-mfa", Now.AddHours(-3), null, foundNew: true, CancellationToken.None);
        await _state.RecordDiscoveryAsync("am-mfa", Now.AddHours(-2), "HttpError: 503", foundNew: false, CancellationToken.None);
        await _state.RecordDiscoveryAsync("am-mfa", Now.AddHours(-1), "NetworkError: timeout", foundNew: false, CancellationToken.None);

        var row = Assert.Single(await Report().ReadAsync([Listing], CancellationToken.None));

        Assert.Equal(Now.AddHours(-3), row.LastSuccess);
        Assert.Equal(Now.AddHours(-1), row.LastFailure);
        Assert.Equal("NetworkError: timeout", row.LastFailureReason);
        Assert.Equal(2, row.ConsecutiveFailures);
        Assert.Equal(Now.AddHours(-3), row.LastNewItem);
        Assert.Equal("failing", row.Status);
    }

    [Fact]
    public async Task ReadAsync_RedesignedStatementPages_SelectorShareDropsToZero()
    {
        _index.Put(Statement("old", Now.AddDays(-20), StatementExtractor.SelectorsMethod));
        _index.Put(Statement("a", Now.AddDays(-2), StatementExtractor.GenericMethod));
        _index.Put(Statement("b", Now.AddDays(-1), StatementExtractor.GenericMethod));

        var row = Assert.Single(await Report().ReadAsync([Listing], CancellationToken.None));

        Assert.Equal(2, row.StatementsLast7Days);
        Assert.Equal(2, row.ExtractedLast7Days);
        Assert.Equal(0, row.SelectorShare);
    }

    [Fact]
    public async Task ReadAsync_SelectorsMatchSomePages_ReportsTheirShare()
    {
        _index.Put(Statement("a", Now.AddDays(-3), StatementExtractor.SelectorsMethod));
        _index.Put(Statement("b", Now.AddDays(-2), StatementExtractor.SelectorsMethod));
        _index.Put(Statement("c", Now.AddDays(-1), StatementExtractor.GenericMethod));
        _index.Put(Statement("d", Now.AddDays(-1), null));

        var row = Assert.Single(await Report().ReadAsync([Listing], CancellationToken.None));

        Assert.Equal(4, row.StatementsLast7Days);
        Assert.Equal(3, row.ExtractedLast7Days);
        Assert.Equal(2.0 / 3, row.SelectorShare!.Value, 6);
    }

    [Fact]
    public async Task ReadAsync_SourceWithoutBodySelectorOrNeverRun_HasNoShareAndNeverRunStatus()
    {
        var row = Assert.Single(await Report().ReadAsync([Feed], CancellationToken.None));

        Assert.Equal("feed", row.Kind);
        Assert.Null(row.SelectorShare);
        Assert.Equal("never-run", row.Status);
        Assert.Equal(0, row.StatementsLast7Days);
    }

    private SourceHealthReport Report() => new(_state, _index, _time);

    private static StatementRecord Statement(string id, DateTimeOffset at, string? method) =>
        new("am-mfa", id, "https://www.mfa.am/en/news/" + id, new Uri("https://www.mfa.am/en/news/" + id), "t", at, "am-mfa/x", 1, "h", "r", 1, at, at)
        {
            ExtractionMethod = method,
        };
}
