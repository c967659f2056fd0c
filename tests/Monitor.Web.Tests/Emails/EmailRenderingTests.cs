using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests.Emails;

/// <summary>
/// Each e-mail kind's HTML part in headless Chromium, as a mail client's web view shows it: axe-clean in light and
/// dark colour schemes, at a phone's width and a desktop's, the card never wider than 600 px, and no overflow.
/// </summary>
[Trait("Category", "Slow")]
public sealed class EmailRenderingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Every rule but the two about page landmarks: a mail client shows the e-mail inside its own page, whose main
    /// landmark holds it; an e-mail declaring its own main would nest one main in another. It is an article instead.
    /// </summary>
    private static readonly AxeRunOptions EmailRules = new()
    {
        Rules = new Dictionary<string, RuleOptions> { ["region"] = new() { Enabled = false }, ["landmark-one-main"] = new() { Enabled = false } },
    };

    public static TheoryData<string> Kinds => new(SampleEmails.All.Keys);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task HtmlPart_EachKindLightAndDarkAt360And1280_AxeCleanAtMost600WideNoOverflow(string kind)
    {
        var email = SampleEmails.All[kind];
        // The four views are separate browser contexts, checked at once.
        await Task.WhenAll(
            from width in new[] { 360, 1280 }
            from scheme in new[] { ColorScheme.Light, ColorScheme.Dark }
            select CheckViewAsync(kind, email.HtmlBody, width, scheme));
    }

    private async Task CheckViewAsync(string kind, string html, int width, ColorScheme scheme)
    {
        var (page, dialogs) = await browser.NewPageAsync(width, 900);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
        await page.SetContentAsync(html);

        await AccessibilityAssert.NoViolationsAsync(page, $"the {kind} e-mail at {width} px, {scheme}", EmailRules);
        var card = await page.EvaluateAsync<double>("document.querySelector('.mm-card').getBoundingClientRect().width");
        Assert.InRange(card, 200, 600);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"the {kind} e-mail overflows at {width} px");
        Assert.Empty(dialogs);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HtmlPart_DarkScheme_CardTurnsDarkAndTextLight()
    {
        var (page, _) = await browser.NewPageAsync(1280, 900);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await page.SetContentAsync(SampleEmails.All["alert-edit"].HtmlBody);

        Assert.Equal("rgb(22, 27, 34)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.mm-card')).backgroundColor"));
        Assert.Equal("rgb(230, 237, 243)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.mm-card h1')).color"));
        await page.Context.CloseAsync();
    }
}
