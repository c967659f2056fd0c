using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.IntegrationTests;

/// <summary>Source health and the filtered ingestion log, on Azurite with a loopback ministry site.</summary>
[Trait("Category", "Slow")]
public sealed class SourceHealthTests
{
    [Fact]
    public async Task ReadAsync_AfterCyclesWithARedesignAndAnOutage_ShowsEachSourcesState()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("styled", "styled/", "a", body: "div.static-content"), TestData.ListingSource("down", "down/", "a")],
            [TestData.Topic("t", "anything")],
            [],
            beforeStart: site =>
            {
                site.Set("styled/", "<html><body><a href=\"/styled/1.html\">1</a></body></html>");
                site.Set("styled/1.html", "<html><body><div class=\"static-content\"><p>Statement one, as designed.</p></div></body></html>");
                site.Fail("down/", 503);
            });
        await harness.RunCycleAsync();

        // The ministry redesigns its pages: the selector no longer matches, the generic extractor takes over.
        harness.Site.Set("styled/", "<html><body><a href=\"/styled/1.html\">1</a><a href=\"/styled/2.html\">2</a></body></html>");
        harness.Site.Set("styled/2.html", "<html><body><article><p>Statement two, after the redesign.</p></article></body></html>");
        await harness.RunCycleAsync();

        var configuration = harness.Get<MonitorConfiguration>();
        var rows = await harness.Get<ISourceHealthReader>().ReadAsync(configuration.Sources, CancellationToken.None);

        var styled = rows.Single(r => r.SourceId == "styled");
        Assert.Equal(("ok", 0, 2), (styled.Status, styled.ConsecutiveFailures, styled.StatementsLast7Days));
        Assert.NotNull(styled.LastSuccess);
        Assert.NotNull(styled.LastNewItem);
        Assert.Equal((1, 2), (styled.SelectorMatchedLast7Days, styled.ExtractedLast7Days));
        var down = rows.Single(r => r.SourceId == "down");
        Assert.Equal(("failing", 2), (down.Status, down.ConsecutiveFailures));
        Assert.Null(down.LastSuccess);
        Assert.StartsWith("http-error", down.LastFailureReason);
        Assert.Contains("503", down.LastFailureReason);
        Assert.Null(down.SelectorShare);
    }

    [Fact]
    public async Task QueryAsync_BySourceOutcomeAndSince_ReturnsOnlyMatchingEntriesNewestFirst()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("up", "up/", "a"), TestData.ListingSource("down", "down/", "a")],
            [TestData.Topic("t", "anything")],
            [],
            beforeStart: site =>
            {
                site.Set("up/", "<html><body><a href=\"/up/1.html\">1</a></body></html>");
                site.Set("up/1.html", "<html><body><article><p>Statement one.</p></article></body></html>");
                site.Fail("down/", 500);
            });
        var before = DateTimeOffset.UtcNow;
        await harness.RunCycleAsync();
        var between = DateTimeOffset.UtcNow;
        await harness.RunCycleAsync();
        var catalog = harness.Get<IArchiveCatalog>();
        async Task<IReadOnlyList<IngestionEntry>> QueryAsync(IngestionQuery query) => (await catalog.ListIngestionAsync(query with { PageSize = 100 }, CancellationToken.None)).Items;

        var failures = await QueryAsync(new IngestionQuery { Outcome = IngestionOutcome.HttpError });
        Assert.Equal(2, failures.Count);
        Assert.All(failures, e => Assert.Equal("down", e.SourceId));
        Assert.True(failures[0].StartedAt > failures[1].StartedAt);

        var upSinceFirst = await QueryAsync(new IngestionQuery { SourceId = "up", Since = between });
        // The second cycle read the listing and rechecked the page it links to (within the recheck window): unchanged, a 304.
        Assert.Equal([("discover", IngestionOutcome.Ok), ("page", IngestionOutcome.NotModified)], upSinceFirst.Select(e => (e.Kind, e.Outcome)).Order());
        Assert.All(upSinceFirst, e => Assert.Equal("up", e.SourceId));

        var all = await QueryAsync(new IngestionQuery { Since = before });
        Assert.Equal(6, all.Count); // per cycle: two discoveries and up/1.html
        Assert.Empty(await QueryAsync(new IngestionQuery { Since = DateTimeOffset.UtcNow.AddMinutes(1) }));
    }
}
