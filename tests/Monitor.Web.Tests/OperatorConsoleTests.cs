using Microsoft.Playwright;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;

namespace MinistryMonitor.Web.Tests;

/// <summary>The operator console in headless Chromium: monitor serve opens it to loopback.</summary>
[Trait("Category", "Slow")]
public sealed class OperatorConsoleTests(WebArchiveFixture archive, BrowserFixture browser) : IClassFixture<WebArchiveFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Log_RequeuePoisonedMessage_PutsItBackOnItsQueue()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "log").AbsoluteUri);
        Assert.Equal(1, await archive.PoisonedFetchesAsync());
        var row = page.Locator("table.poisoned tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(QueueNames.Fetch, await row.Locator(".queue").InnerTextAsync());
        Assert.Contains("broken.html", await row.Locator("pre.message").InnerTextAsync());

        await row.Locator("button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("requeued="));

        Assert.Contains("is back on its queue", await page.InnerTextAsync("[role=status]"));
        Assert.Equal(0, await page.Locator("table.poisoned tbody tr").CountAsync());
        Assert.Equal(0, await archive.PoisonedFetchesAsync());
        Assert.Equal(1, await archive.Harness.QueueLengthAsync(QueueNames.Fetch));
    }

    [Fact]
    public async Task Sources_AfterTwoCycles_ShowsEachSourceHealthy()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "sources").AbsoluteUri);
        var statuses = await page.Locator(".source-card .status-ok").AllInnerTextsAsync();
        Assert.Equal(["✓ ok", "✓ ok"], statuses);
    }

    [Fact]
    public async Task Sources_OperatorAlertInTheLog_ListedAsTextWithWhomItWasMailedTo()
    {
        var (page, dialogs) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "sources").AbsoluteUri);
        var row = page.Locator("tr", new() { HasText = "answered" });

        Assert.Contains(WebArchive.OperatorAlertMessage, await row.InnerTextAsync());
        Assert.Contains(WebArchive.OperatorAlertRecipient, await row.InnerTextAsync());
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Log_FilterByOutcome_ShowsOnlyFetchesWithThatOutcome()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "log?outcome=http-error").AbsoluteUri);
        var outcomes = await page.Locator("li.fetch").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.outcome)");
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Equal("http-error", o));
        // The rows sit in closed disclosures: their text is in the page though not laid out.
        Assert.Contains(await page.Locator("li.fetch .url").AllTextContentsAsync(), u => u.EndsWith("broken.html", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Log_SeededCycles_SummaryCountsMatchTheKnownRows()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "log?source=" + WebArchive.LogSource).AbsoluteUri);
        var cycles = page.Locator("details.cycle");
        Assert.Equal(2, await cycles.CountAsync());

        // Newest first: the second discovery answered 304 and nothing else was fetched.
        Assert.Equal((1, 1, 0, 0, 0), await CountsAsync(cycles.Nth(0)));
        // The first: discovery (2 new, 1 changed), a page, a 503, a blocked page and a 304 recheck.
        Assert.Equal((5, 1, 2, 1, 2), await CountsAsync(cycles.Nth(1)));
        Assert.Contains("(1 blocked)", await cycles.Nth(1).Locator("[data-count=failed]").InnerTextAsync());
        Assert.Equal(5, await cycles.Nth(1).Locator("li.fetch").CountAsync());
        Assert.Null(await cycles.Nth(1).GetAttributeAsync("open"));
    }

    [Fact]
    public async Task Log_EveryCycle_SummaryCountsMatchItsRows()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "log").AbsoluteUri);
        var cycles = page.Locator("details.cycle");
        Assert.True(await cycles.CountAsync() >= 6, "two cycles of each pipeline source and the two seeded ones");
        var shownRows = 0;
        for (var i = 0; i < await cycles.CountAsync(); i++)
        {
            var cycle = cycles.Nth(i);
            var rows = cycle.Locator("li.fetch");
            var (fetched, notModified, _, _, failed) = await CountsAsync(cycle);
            Assert.Equal(await rows.CountAsync(), fetched);
            Assert.Equal(await rows.Locator(".outcome-neutral").Filter(new() { HasText = "not-modified" }).CountAsync(), notModified);
            Assert.Equal(await rows.Locator(".outcome-failure, .outcome-blocked").CountAsync(), failed);
            shownRows += fetched;
        }
        Assert.Equal((await archive.Harness.LogAsync()).Count, shownRows);
    }

    [Fact]
    public async Task Log_Outcomes_ColouredByMeaningAndMarkedWithASymbol()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "log?source=" + WebArchive.LogSource).AbsoluteUri);
        async Task<(string Class, string Text, string Background)> Outcome(string name)
        {
            var label = page.Locator($"li.fetch[data-outcome={name}] .outcome").First;
            return (await label.GetAttributeAsync("class") ?? "", await label.TextContentAsync() ?? "",
                await label.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        }
        var notModified = await Outcome("not-modified");
        var failed = await Outcome("http-error");
        var blocked = await Outcome("blocked");
        Assert.Equal(("outcome outcome-neutral", "= not-modified"), (notModified.Class, notModified.Text));
        Assert.Equal(("outcome outcome-failure", "✗ http-error"), (failed.Class, failed.Text));
        Assert.Equal(("outcome outcome-blocked", "⚠ blocked"), (blocked.Class, blocked.Text));
        Assert.NotEqual(notModified.Background, failed.Background);
        Assert.NotEqual(notModified.Background, blocked.Background);
    }

    [Fact]
    public async Task Log_FiltersSubmitted_KeepTheirStateInTheUrl()
    {
        var (page, _) = await browser.NewPageAsync(360, 760);
        await page.GotoAsync(new Uri(archive.BaseAddress, "log").AbsoluteUri);
        await page.SelectOptionAsync("select[name=source]", WebArchive.EnglishSource);
        await page.SelectOptionAsync("select[name=outcome]", "ok");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("input[name=since]", today);
        await page.FillAsync("input[name=until]", today);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("until="));

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal((WebArchive.EnglishSource, "ok", today, today), (query["source"], query["outcome"], query["since"], query["until"]));
        Assert.Equal(WebArchive.EnglishSource, await page.InputValueAsync("select[name=source]"));
        Assert.Equal("ok", await page.InputValueAsync("select[name=outcome]"));
        Assert.Equal(today, await page.InputValueAsync("input[name=since]"));
        var outcomes = await page.Locator("li.fetch").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.outcome)");
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Equal("ok", o));
        Assert.All(await page.Locator("details.cycle").EvaluateAllAsync<string[]>("c => c.map(e => e.dataset.source)"), s => Assert.Equal(WebArchive.EnglishSource, s));
    }

    [Fact]
    public async Task Sources_EachSource_ShowsHealthWeeklyBarsAndALinkToItsLog()
    {
        var records = await archive.Harness.StatementsAsync();
        var (page, _) = await browser.NewPageAsync(360, 760);
        await page.GotoAsync(new Uri(archive.BaseAddress, "sources").AbsoluteUri);
        foreach (var source in new[] { WebArchive.RussianSource, WebArchive.EnglishSource })
        {
            var card = page.Locator($"li.source-card[data-source={source}]");
            Assert.Equal("0", await card.Locator("dt:has-text('Failures in a row') + dd").InnerTextAsync());
            Assert.NotEqual("—", await card.Locator("dt:has-text('Last success') + dd").InnerTextAsync());
            // First archived in the fixture's run, the 2020 statement too: new to the archive, whatever its date.
            var archived = records.Count(r => r.SourceId == source && r.FirstSeen > DateTimeOffset.UtcNow.AddDays(-7));
            Assert.Equal(archived.ToString(System.Globalization.CultureInfo.InvariantCulture), await card.Locator("[data-count=last-7-days]").InnerTextAsync());
            Assert.Equal(12, await card.Locator("svg.bars rect").CountAsync());
            Assert.Equal("/log?source=" + source, await card.Locator("a.source-name").GetAttributeAsync("href"));
        }

        await page.ClickAsync($"li.source-card[data-source={WebArchive.RussianSource}] a.source-name");
        await page.WaitForURLAsync(url => url.Contains("/log?source="));
        Assert.All(await page.Locator("details.cycle").EvaluateAllAsync<string[]>("c => c.map(e => e.dataset.source)"), s => Assert.Equal(WebArchive.RussianSource, s));
    }

    /// <summary>A cycle's summary counts: fetched, not modified, new, changed, failed.</summary>
    private static async Task<(int, int, int, int, int)> CountsAsync(ILocator cycle)
    {
        async Task<int> Count(string name) =>
            int.Parse((await cycle.Locator($"summary [data-count={name}]").InnerTextAsync()).TrimStart('✗', ' ').Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return (await Count("fetched"), await Count("not-modified"), await Count("new"), await Count("changed"), await Count("failed"));
    }
}
