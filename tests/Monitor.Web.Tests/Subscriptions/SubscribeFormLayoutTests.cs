using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests.Subscriptions;

/// <summary>
/// The subscribe form as a phone (360 px) and a desktop (1280 px) show it in headless Chromium, which runs no script
/// on these pages (the CSP forbids it): nothing overflows, every checkbox and radio stays on the line of its label,
/// the digest's fields appear only when a digest is chosen, and axe finds nothing.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SubscribeFormLayoutTests(WebArchiveFixture archive, BrowserFixture browser) : IClassFixture<WebArchiveFixture>, IClassFixture<BrowserFixture>
{
    public static TheoryData<int> Widths => new() { 360, 1280 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task SubscribePage_AtWidth_NoHorizontalOverflowAndAxeClean(int width)
    {
        var page = await OpenAsync(width);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"the subscribe page is {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px wide at {width} px");
        await AccessibilityAssert.NoViolationsAsync(page, $"the subscribe page at {width} px");
        await page.CheckAsync("input[name=mode][value=weekly]");
        await AccessibilityAssert.NoViolationsAsync(page, $"the subscribe page at {width} px with a weekly digest chosen");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task SubscribePage_AtWidth_EveryBoxOnTheFirstLineOfItsLabel(int width)
    {
        var page = await OpenAsync(width);

        // For each checkbox and radio: its box's vertical middle lies within its text's first line, and the text starts right of it.
        var split = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('label.check')].filter(l => l.offsetParent !== null).flatMap(l => {
              const box = l.querySelector('input').getBoundingClientRect();
              const text = l.querySelector('span').getClientRects()[0];
              const middle = box.top + box.height / 2;
              return middle >= text.top && middle <= text.bottom && text.left >= box.right ? [] : [l.textContent.trim()];
            })
            """);
        var labels = await page.Locator("label.check").CountAsync();

        Assert.True(labels >= 7, $"only {labels} checkbox labels");
        Assert.Empty(split);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task SubscribePage_ChoosingDelivery_ShowsDigestFieldsOnlyForDigestsAndTheDayOnlyForWeekly(int width)
    {
        var page = await OpenAsync(width);

        Assert.True(await page.IsCheckedAsync("input[name=mode][value=immediate]"));
        Assert.False(await page.IsVisibleAsync(".digest-fields"));

        await page.CheckAsync("input[name=mode][value=daily]");
        Assert.True(await page.IsVisibleAsync("select[name=hour]"));
        Assert.True(await page.IsVisibleAsync("select[name=timeZone]"));
        Assert.False(await page.IsVisibleAsync("select[name=weeklyOn]"));
        Assert.False(await page.IsVisibleAsync(".no-has-note"));

        await page.CheckAsync("input[name=mode][value=weekly]");
        Assert.True(await page.IsVisibleAsync("select[name=weeklyOn]"));

        await page.CheckAsync("input[name=mode][value=immediate]");
        Assert.False(await page.IsVisibleAsync(".digest-fields"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SubscribePage_TopicsByRegion_NamedCheckboxesUnderTheirRegion()
    {
        var page = await OpenAsync(1280);

        Assert.Equal("Other topics", await page.InnerTextAsync("fieldset.region legend"));
        Assert.Equal("Lachin corridor", await page.InnerTextAsync("fieldset.region label:has(input[value=lachin-corridor])"));
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(int width)
    {
        var (page, _) = await browser.NewPageAsync(width, 900);
        await page.GotoAsync(new Uri(archive.BaseAddress, "subscribe").AbsoluteUri);
        return page;
    }
}
