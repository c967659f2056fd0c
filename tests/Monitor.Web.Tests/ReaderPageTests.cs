using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests;

/// <summary>The reader in headless Chromium, on an archive the real pipeline filled.</summary>
[Trait("Category", "Slow")]
public sealed class ReaderPageTests(WebArchiveFixture archive, BrowserFixture browser) : IClassFixture<WebArchiveFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Home_FilterByMinistry_ListsOnlyThatMinistrysStatements()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(archive.BaseAddress.AbsoluteUri);
        Assert.Contains(WebArchive.PeaceTitle, await Titles(page));

        await page.SelectOptionAsync("select[name=source]", WebArchive.RussianSource);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("source=" + WebArchive.RussianSource));

        var titles = await Titles(page);
        Assert.Equal([WebArchive.EditedTitle, WebArchive.TransportTitle], titles.Order());
        Assert.All(await page.Locator("ol.statements .source").AllInnerTextsAsync(), s => Assert.Equal("Russian MFA", s));
    }

    [Fact]
    public async Task Home_SearchInflectedWord_FindsTheStatementWithAnotherForm()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(archive.BaseAddress.AbsoluteUri);
        await page.FillAsync("input[name=q]", "коридору");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("q="));

        var titles = await Titles(page);
        // The transport statement says "коридор", never "коридору".
        Assert.Contains(WebArchive.TransportTitle, titles);
        Assert.DoesNotContain(WebArchive.PeaceTitle, titles);
        var marked = await page.Locator("ol.statements .snippet mark").AllInnerTextsAsync();
        Assert.Contains(marked, m => m.StartsWith("коридор", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Statement_WithTwoVersions_ShowsTheInsertedSentenceAndTheHighlightedMention()
    {
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, StatementLinks.Page(source, id).TrimStart('/')).AbsoluteUri);

        Assert.Equal(WebArchive.EditedTitle, await page.InnerTextAsync("h1"));
        Assert.Equal(2, await page.Locator("ol.versions-list li").CountAsync());
        Assert.Equal("Лачинскому коридору", await page.InnerTextAsync("article .text mark.mention"));
        Assert.Equal("Lachin corridor", await page.GetAttributeAsync("article .text mark.mention", "title"));

        var inserted = await page.Locator(".diff ins").AllInnerTextsAsync();
        Assert.Contains(inserted, s => s.Trim() == WebArchive.InsertedSentence);
        // Unchanged sentences are not marked.
        Assert.DoesNotContain(inserted, s => s.Contains("региональной безопасности", StringComparison.Ordinal));
        Assert.Equal("http", new Uri((await page.GetAttributeAsync("a.original", "href"))!).Scheme);
    }

    [Fact]
    public async Task Statement_CompareSameVersionsBackwards_ShowsTheSentenceDeleted()
    {
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, StatementLinks.Page(source, id).TrimStart('/')).AbsoluteUri);

        await page.SelectOptionAsync("form.compare select[name=from]", "2");
        await page.SelectOptionAsync("form.compare select[name=to]", "1");
        await page.ClickAsync("form.compare button");
        await page.WaitForURLAsync(url => url.Contains("from=2"));

        Assert.Contains(await page.Locator(".diff del").AllInnerTextsAsync(), s => s.Trim() == WebArchive.InsertedSentence);
        Assert.Equal(0, await page.Locator(".diff ins").CountAsync());
    }

    [Fact]
    public async Task Pages_XssProbesInTitleAndBody_AreShownAsTextAndRunNothing()
    {
        var (source, id) = archive.Statement(WebArchive.XssTitle);
        var (page, dialogs) = await browser.NewPageAsync();
        var scriptsRun = new List<string>();
        page.Console += (_, message) => scriptsRun.Add(message.Text);

        foreach (var address in new[] { "", "?source=" + WebArchive.EnglishSource, "?q=probe", StatementLinks.Page(source, id).TrimStart('/') })
        {
            await page.GotoAsync(new Uri(archive.BaseAddress, address).AbsoluteUri);
            Assert.Equal(0, await page.Locator("script").CountAsync());
            Assert.Equal(0, await page.Locator("main img").CountAsync());
            Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
        }

        Assert.Equal(WebArchive.XssTitle, await page.InnerTextAsync("h1"));
        var text = await page.InnerTextAsync("article .text");
        Assert.Contains("<script>alert('body')</script>", text);
        Assert.Contains("<a href=\"javascript:alert('link')\">click me</a>", text);
        Assert.Empty(dialogs);
        Assert.Empty(scriptsRun);
    }

    [Fact]
    public async Task Home_PhoneWidth_HasNoHorizontalScroll()
    {
        var (page, _) = await browser.NewPageAsync(width: 375, height: 740);
        await page.GotoAsync(archive.BaseAddress.AbsoluteUri);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The front page is {overflow}px wider than a phone's screen.");
    }

    private static async Task<IReadOnlyList<string>> Titles(IPage page) =>
        await page.Locator("ol.statements a.title").AllInnerTextsAsync();
}
