namespace MinistryMonitor.Web.Tests;

/// <summary>The statement page's word-level changes in headless Chromium, on versions the real pipeline archived.</summary>
[Trait("Category", "Slow")]
public sealed class StatementDiffPageTests(WebArchiveFixture archive, BrowserFixture browser) : IClassFixture<WebArchiveFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Statement_OneWordEdit_MarksExactlyThatWord()
    {
        var page = await OpenAsync(WebArchive.PeaceTitle, "");

        Assert.Equal(["Geneva"], await page.Locator(".diff del").AllInnerTextsAsync());
        Assert.Equal(["Vienna"], await page.Locator(".diff ins").AllInnerTextsAsync());
        Assert.Contains("The ministers met in", await page.InnerTextAsync(".diff p"));
    }

    [Fact]
    public async Task Statement_ChangesOnlyLink_HidesUnchangedParagraphsAndLinksBack()
    {
        var page = await OpenAsync(WebArchive.PeaceTitle, "");

        await page.ClickAsync(".diff-view a");
        await page.WaitForURLAsync(url => url.Contains("view=changes"));

        Assert.Equal(1, await page.Locator(".diff p.skipped").CountAsync());
        Assert.DoesNotContain("Both delegations", await page.InnerTextAsync(".diff"));
        Assert.Equal("Show whole text", await page.InnerTextAsync(".diff-view a"));
        Assert.Equal("Changes only", await page.InnerTextAsync(".diff-view [aria-current]"));
    }

    [Fact]
    public async Task Statement_WholeTextView_ShowsUnchangedParagraphsToo()
    {
        var page = await OpenAsync(WebArchive.PeaceTitle, "?v=2&from=1&to=2");

        Assert.Contains("Both delegations agreed to meet again.", await page.InnerTextAsync(".diff"));
        Assert.Equal("Show changes only", await page.InnerTextAsync(".diff-view a"));
    }

    [Fact]
    public async Task Statement_InsertedSentenceWithMention_MarksTheNewMentionInsideTheInsertion()
    {
        var page = await OpenAsync(WebArchive.EditedTitle, "");

        Assert.Equal("Лачинскому коридору", await page.InnerTextAsync(".diff ins mark.new-mention"));
        Assert.Equal("Lachin corridor", await page.GetAttributeAsync(".diff ins mark.new-mention", "title"));
    }

    private async Task<Microsoft.Playwright.IPage> OpenAsync(string title, string query)
    {
        var (source, id) = archive.Statement(title);
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, StatementLinks.Page(source, id).TrimStart('/') + query).AbsoluteUri);
        return page;
    }
}
