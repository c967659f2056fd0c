using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.IntegrationTests.Fetching;

/// <summary>
/// Retry-After through the real pipeline (Azurite, Kestrel on loopback, the local runner): statement pages answering
/// 429 with Retry-After is logged as http-error with its retry time, the cycle ends at once (nothing waits for the
/// retry time, nothing is poisoned), and the next cycle keeps off the site until then.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RetryAfterPipelineTests
{
    [Fact]
    public async Task RunCycle_PagesAnswer429WithRetryAfter_LogsWhyEndsTheCycleAndKeepsOffTheSite()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [new { id = "mfa", name = "MFA", language = "en", listing = new { url = "{{BASE}}news/", links = "a" } }],
            [], [],
            // Spaced, so the second page is asked for after the first has answered.
            settings: new Dictionary<string, string?> { ["Fetch:MinDelayMilliseconds"] = "500" },
            beforeStart: site =>
            {
                site.Set("news/", "<html><body><a href=\"/news/1\">1</a><a href=\"/news/2\">2</a></body></html>");
                foreach (var page in new[] { "news/1", "news/2" })
                {
                    site.Handle(page, context =>
                    {
                        context.Response.StatusCode = 429;
                        context.Response.Headers.RetryAfter = "600";
                        return Task.CompletedTask;
                    });
                }
            });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await harness.RunCycleAsync();
        var firstTook = clock.Elapsed;
        var second = await harness.RunCycleAsync();

        Assert.Equal((0, 0), (first.Poisoned, second.Poisoned));
        Assert.True(firstTook < TimeSpan.FromSeconds(60), $"the cycle took {firstTook}");
        var log = await harness.LogAsync();
        // Whichever page went first got the 429; the other, on the same host, was not asked for, and the log says so.
        var pages = log.Where(e => e.Kind == "page").OrderBy(e => e.HttpStatus is null).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Equal((IngestionOutcome.HttpError, 429), (pages[0].Outcome, pages[0].HttpStatus));
        Assert.Contains("Retry-After 600 s", pages[0].Error);
        Assert.Contains("is not asked again before", pages[0].Error);
        Assert.Equal((IngestionOutcome.HttpError, (int?)null), (pages[1].Outcome, pages[1].HttpStatus));
        Assert.Contains("asked to be left alone until", pages[1].Error);
        // The second cycle did not schedule the source: one request each, none since.
        Assert.Equal(0, second.SourcesScheduled);
        Assert.Equal((1, 1), (harness.Site.HitsOf("news/"), harness.Site.HitsOf("news/1") + harness.Site.HitsOf("news/2")));
    }
}
