using System.Globalization;
using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests;

/// <summary>The front page's listing, filters and pictures in headless Chromium, on the archive the real pipeline filled.</summary>
[Trait("Category", "Slow")]
public sealed class ListingPageTests(WebArchiveFixture archive, BrowserFixture browser) : IClassFixture<WebArchiveFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Home_EveryListedStatement_ShowsSourceDateOrUndatedAndLanguageName()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(archive.BaseAddress.AbsoluteUri);
        var items = page.Locator("ol.statements > li");
        Assert.Equal(archive.Statements.Count, await items.CountAsync());

        for (var i = 0; i < await items.CountAsync(); i++)
        {
            var meta = items.Nth(i).Locator(".meta");
            Assert.NotEmpty(await meta.Locator(".source").InnerTextAsync());
            Assert.Equal(1, await meta.Locator("time.published, .undated").CountAsync());
            Assert.Contains(await meta.Locator(".lang").InnerTextAsync(), new[] { "Russian", "English" });
        }
        var old = items.Filter(new() { HasText = WebArchive.DatedOldTitle });
        Assert.Equal("2 Mar 2020", await old.Locator("time.published").InnerTextAsync());
        var undated = items.Filter(new() { HasText = WebArchive.PeaceTitle });
        Assert.StartsWith("undated · first seen " + DateTimeOffset.UtcNow.ToString("d MMM yyyy", CultureInfo.InvariantCulture), await undated.Locator(".undated").InnerTextAsync());
        Assert.Equal("Lachin corridor", await items.Filter(new() { HasText = WebArchive.EditedTitle }).Locator(".topic").InnerTextAsync());
    }

    [Fact]
    public async Task Home_UndatedStatements_ListedWhereFirstSeenBetweenDatedOnes()
    {
        // The order: publication date, newest first; an undated statement is listed at the moment it was first seen.
        // So it is never above a statement published after it was first seen, nor below one published before.
        var records = await archive.Harness.StatementsAsync();
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(archive.BaseAddress.AbsoluteUri);
        var titles = (await page.Locator("ol.statements a.title").AllInnerTextsAsync()).ToList();

        var expected = records.OrderByDescending(r => r.Published ?? r.FirstSeen).Select(r => r.Title ?? "").ToList();
        Assert.Equal(expected, titles);
        var undated = records.Where(r => r.Published is null).Select(r => titles.IndexOf(r.Title!)).ToList();
        Assert.True(undated.Count >= 3);
        Assert.All(undated, i => Assert.InRange(i, titles.IndexOf(WebArchive.DatedLaterTitle) + 1, titles.IndexOf(WebArchive.DatedOldTitle) - 1));
    }

    [Fact]
    public async Task Home_FiltersSubmitted_KeepTheirStateInTheUrlAndTheForm()
    {
        var (page, _) = await browser.NewPageAsync(360, 760);
        await page.GotoAsync(archive.BaseAddress.AbsoluteUri);
        await page.FillAsync("input[name=q]", "коридору");
        await page.SelectOptionAsync("select[name=source]", WebArchive.RussianSource);
        await page.SelectOptionAsync("select[name=topic]", "lachin-corridor");
        await page.SelectOptionAsync("select[name=language]", "ru");
        await page.FillAsync("input[name=since]", "2020-01-01");
        await page.FillAsync("input[name=until]", "2099-12-31");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("until="));

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal(("коридору", WebArchive.RussianSource, "lachin-corridor", "ru", "2020-01-01", "2099-12-31"),
            (query["q"], query["source"], query["topic"], query["language"], query["since"], query["until"]));
        Assert.Equal("коридору", await page.InputValueAsync("input[name=q]"));
        Assert.Equal(WebArchive.RussianSource, await page.InputValueAsync("select[name=source]"));
        Assert.Equal("lachin-corridor", await page.InputValueAsync("select[name=topic]"));
        Assert.Equal("ru", await page.InputValueAsync("select[name=language]"));
        Assert.Equal("2020-01-01", await page.InputValueAsync("input[name=since]"));
        Assert.Equal("2099-12-31", await page.InputValueAsync("input[name=until]"));
        Assert.Equal([WebArchive.EditedTitle], await page.Locator("ol.statements a.title").AllInnerTextsAsync());
        Assert.Equal("/", await page.GetAttributeAsync("a.clear", "href"));
    }

    [Fact]
    public async Task Home_SearchAtPhoneWidth_SnippetsWrapInsideTheScreen()
    {
        var (page, _) = await browser.NewPageAsync(360, 760);
        await page.GotoAsync(new Uri(archive.BaseAddress, "?q=" + Uri.EscapeDataString("коридору")).AbsoluteUri);
        var snippets = page.Locator("ol.statements .snippet");
        Assert.NotEqual(0, await snippets.CountAsync());
        Assert.NotEqual(0, await page.Locator("ol.statements .snippet mark").CountAsync());
        foreach (var box in await Task.WhenAll((await snippets.AllAsync()).Select(s => s.BoundingBoxAsync())))
            Assert.True(box!.X + box.Width <= 360, $"A snippet reaches {box.X + box.Width}px on a 360px screen.");
    }

    [Fact]
    public async Task Home_Charts_DrawThisWeeksStatementsPerSourceAndThisMonthsTopics()
    {
        var records = await archive.Harness.StatementsAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        bool ThisWeek(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime) >= monday;

        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(archive.BaseAddress.AbsoluteUri);

        foreach (var source in new[] { WebArchive.RussianSource, WebArchive.EnglishSource })
        {
            var expected = records.Count(r => r.SourceId == source && ThisWeek(r.Published ?? r.FirstSeen));
            var row = page.Locator($".chart-row[data-source={source}]");
            Assert.Equal(12, await row.Locator("svg.bars rect").CountAsync());
            var bar = row.Locator($"svg.bars rect[data-week='{monday:yyyy-MM-dd}']");
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await bar.GetAttributeAsync("data-count"));
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await row.Locator(".chart-total").InnerTextAsync());
            Assert.Contains($": {expected} statements", await row.Locator("svg.bars title").TextContentAsync());
        }
        // The old dated statement (2020) is outside the twelve weeks; every other one is this week's.
        var totals = await page.Locator(".chart-row .chart-total").AllInnerTextsAsync();
        Assert.Equal(records.Count - 1, totals.Sum(t => int.Parse(t, CultureInfo.InvariantCulture)));

        var lachin = records.Count(r => r.Topics?.Contains("lachin-corridor") == true && (r.Published ?? r.FirstSeen).ToString("yyyy-MM", CultureInfo.InvariantCulture) == DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var topic = page.Locator("ol.topic-bars li[data-topic=lachin-corridor]");
        Assert.Equal("Lachin corridor", await topic.Locator(".chart-label").InnerTextAsync());
        Assert.Equal(lachin.ToString(CultureInfo.InvariantCulture), await topic.Locator(".chart-total").InnerTextAsync());
        Assert.Equal("img", await topic.Locator("svg").GetAttributeAsync("role"));

        // The same numbers as a table, for those who read rather than look.
        var tableRow = page.Locator("table.weekly-table tbody tr").First;
        Assert.Equal(WeekLabel(monday), await tableRow.Locator("th").TextContentAsync());
        var ruColumn = 1 + (await page.Locator(".chart-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.source)")).ToList().IndexOf(WebArchive.RussianSource);
        Assert.Equal(records.Count(r => r.SourceId == WebArchive.RussianSource && ThisWeek(r.Published ?? r.FirstSeen)).ToString(CultureInfo.InvariantCulture),
            await tableRow.Locator("td").Nth(ruColumn - 1).TextContentAsync());
    }

    [Fact]
    public async Task Home_Filtered_DrawsNoCharts()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "?source=" + WebArchive.RussianSource).AbsoluteUri);
        Assert.Equal(0, await page.Locator("section.glance").CountAsync());
    }

    private static string WeekLabel(DateOnly monday) => monday.ToString("d MMM", CultureInfo.InvariantCulture);
}
