using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// Every page in headless Chromium at a phone's width (360 px) and a desktop's (1280 px), light and dark: nothing
/// overflows sideways, axe finds nothing, tap targets are at least 44 px, and only URLs and ids may break mid-word.
/// </summary>
[Collection(WebArchiveCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PageQualityTests(WebArchiveFixture archive, BrowserFixture browser)
{
    public static readonly TheoryData<int, ColorScheme> Views = new()
    {
        { 360, ColorScheme.Light }, { 360, ColorScheme.Dark }, { 1280, ColorScheme.Light }, { 1280, ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task EveryPage_AtWidthAndTheme_HasNoHorizontalOverflow(int width, ColorScheme scheme)
    {
        var failures = new List<string>();
        await ForEveryPageAsync(width, scheme, async (address, page) =>
        {
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0) failures.Add($"{address}: {overflow}px wider than the window");
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task EveryPage_AtWidthAndTheme_HasNoAxeViolations(int width, ColorScheme scheme)
    {
        var failures = new List<string>();
        await ForEveryPageAsync(width, scheme, async (address, page) =>
        {
            failures.AddRange((await AccessibilityAssert.ViolationsAsync(page)).Select(v => $"{address}: {v}"));
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPage_Phone_TapTargetsAreAtLeast44Pixels()
    {
        var failures = new List<string>();
        await ForEveryPageAsync(360, ColorScheme.Light, async (address, page) =>
        {
            // Links inside running text (a sentence, a table cell) are exempt, as WCAG 2.5.5 exempts inline targets; so
            // are check boxes, whose whole label is the target.
            var small = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, summary')]
                  .filter(e => !e.closest('p, td, dd, pre, .text, .diff, .withdrawn-notice'))
                  .map(e => [e, e.getBoundingClientRect()])
                  .filter(([e, r]) => r.width > 0 && r.height > 0 && (r.height < 43.5 || r.width < 43.5))
                  .map(([e, r]) => `${e.outerHTML.slice(0, 80)} is ${Math.round(r.width)}x${Math.round(r.height)}`)
                """);
            failures.AddRange(small.Select(s => $"{address}: {s}"));
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPage_Phone_OnlyUrlsAndIdsMayBreakMidWord()
    {
        var failures = new List<string>();
        await ForEveryPageAsync(360, ColorScheme.Light, async (address, page) =>
        {
            var breaking = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                  .map(e => [e, getComputedStyle(e)])
                  .filter(([e, s]) => s.wordBreak === 'break-all' || (s.overflowWrap === 'anywhere' && !e.closest('.url, .ident, pre.message')))
                  .map(([e, s]) => `${e.tagName.toLowerCase()}.${e.className} (${s.wordBreak}, ${s.overflowWrap})`)
                """);
            failures.AddRange(breaking.Distinct().Select(s => $"{address}: {s}"));
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task MainPages_PhoneAndDesktop_SavedAsScreenshots()
    {
        var folder = Screenshots.Folder();
        var saved = new List<string>();
        foreach (var width in new[] { 360, 1280 })
        {
            var (page, _) = await browser.NewPageAsync(width, width == 360 ? 760 : 900);
            foreach (var (name, address) in MainPages())
            {
                await page.GotoAsync(new Uri(archive.BaseAddress, address).AbsoluteUri);
                var path = Path.Combine(folder, $"{name}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = width == 1280 });
                saved.Add(path);
            }
            await page.Context.CloseAsync();
        }
        Assert.All(saved, path => Assert.True(new FileInfo(path).Length > 1000, $"{path} is missing or empty"));
    }

    /// <summary>The pages a reader, an operator and a subscriber open, with a name for each screenshot.</summary>
    private IEnumerable<(string Name, string Address)> MainPages()
    {
        var (source, id) = archive.Statement(WebArchiveFixture.EditedTitle);
        yield return ("home", "");
        yield return ("search", "?q=" + Uri.EscapeDataString("коридору"));
        yield return ("statement", StatementLinks.Page(source, id).TrimStart('/'));
        yield return ("log", "log");
        yield return ("sources", "sources");
        yield return ("subscribe", "subscribe");
    }

    /// <summary>The main pages, a filtered listing, the seeded log opened to one source, a compare view and the not-found page.</summary>
    private IEnumerable<string> EveryPage()
    {
        var (source, id) = archive.Statement(WebArchiveFixture.EditedTitle);
        return MainPages().Select(p => p.Address).Concat(
        [
            "?source=" + WebArchiveFixture.EnglishSource + "&language=en&since=2020-01-01",
            "log?source=" + WebArchiveFixture.LogSource,
            StatementLinks.Page(source, id).TrimStart('/') + "?from=2&to=1",
            "no-such-page",
        ]);
    }

    /// <summary>Opens each page in one browser context of that size and theme, every disclosure opened so its content is laid out too.</summary>
    private async Task ForEveryPageAsync(int width, ColorScheme scheme, Func<string, IPage, Task> check)
    {
        var (page, _) = await browser.NewPageAsync(width, 800, scheme);
        try
        {
            foreach (var address in EveryPage())
            {
                await page.GotoAsync(new Uri(archive.BaseAddress, address).AbsoluteUri);
                await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                await check("/" + address, page);
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
