using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// Every page in headless Chromium at a phone's width (360 px) and a desktop's (1280 px), light and dark: nothing
/// overflows sideways, axe finds nothing, tap targets are at least 44 px, and only URLs and ids may break mid-word.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PageQualityTests(WebArchiveFixture archive, BrowserFixture browser) : IClassFixture<WebArchiveFixture>, IClassFixture<BrowserFixture>
{
    public static readonly TheoryData<int, ColorScheme> Views = new()
    {
        { 360, ColorScheme.Light }, { 360, ColorScheme.Dark }, { 1280, ColorScheme.Light }, { 1280, ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task EveryPage_AtWidthAndTheme_HasNoHorizontalOverflow(int width, ColorScheme scheme)
    {
        var failures = (await ViewAsync(width, scheme)).SelectMany(p => p.OverflowPixels > 0 ? [$"{p.Address}: {p.OverflowPixels}px wider than the window"] : Array.Empty<string>());
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task EveryPage_AtWidthAndTheme_HasNoAxeViolations(int width, ColorScheme scheme)
    {
        var failures = (await ViewAsync(width, scheme)).SelectMany(p => p.AxeViolations.Select(v => $"{p.Address}: {v}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPage_Phone_TapTargetsAreAtLeast44Pixels()
    {
        var failures = (await ViewAsync(360, ColorScheme.Light)).SelectMany(p => p.SmallTapTargets.Select(s => $"{p.Address}: {s}")).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPage_Phone_OnlyUrlsAndIdsMayBreakMidWord()
    {
        var failures = (await ViewAsync(360, ColorScheme.Light)).SelectMany(p => p.MidWordBreaks.Select(s => $"{p.Address}: {s}")).ToList();
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
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
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
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
        return MainPages().Select(p => p.Address).Concat(
        [
            "?source=" + WebArchive.EnglishSource + "&language=en&since=2020-01-01",
            "log?source=" + WebArchive.LogSource,
            StatementLinks.Page(source, id).TrimStart('/') + "?from=2&to=1",
            "no-such-page",
        ]);
    }

    /// <summary>What every page shows at one size and theme: measured once per test process, however many tests read it.</summary>
    private sealed record PageView(string Address, int OverflowPixels, IReadOnlyList<string> AxeViolations, string[] SmallTapTargets, string[] MidWordBreaks);

    private static readonly ConcurrentDictionary<(int Width, ColorScheme Scheme), Lazy<Task<IReadOnlyList<PageView>>>> Measured = new();

    private Task<IReadOnlyList<PageView>> ViewAsync(int width, ColorScheme scheme) =>
        Measured.GetOrAdd((width, scheme), key => new Lazy<Task<IReadOnlyList<PageView>>>(() => MeasureAsync(key.Width, key.Scheme))).Value;

    /// <summary>Opens each page in one browser context of that size and theme, every disclosure opened so its content is laid out too.</summary>
    private async Task<IReadOnlyList<PageView>> MeasureAsync(int width, ColorScheme scheme)
    {
        var (page, _) = await browser.NewPageAsync(width, 800, scheme);
        var views = new List<PageView>();
        try
        {
            foreach (var address in EveryPage())
            {
                await page.GotoAsync(new Uri(archive.BaseAddress, address).AbsoluteUri);
                await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                // Links inside running text (a sentence, a table cell) are exempt, as WCAG 2.5.5 exempts inline targets; so
                // are check boxes, whose whole label is the target.
                var small = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, summary')]
                      .filter(e => !e.closest('p, td, dd, pre, .text, .diff, .withdrawn-notice'))
                      .map(e => [e, e.getBoundingClientRect()])
                      .filter(([e, r]) => r.width > 0 && r.height > 0 && (r.height < 43.5 || r.width < 43.5))
                      .map(([e, r]) => `${e.outerHTML.slice(0, 80)} is ${Math.round(r.width)}x${Math.round(r.height)}`)
                    """);
                var breaking = await page.EvaluateAsync<string[]>("""
                    () => [...new Set([...document.querySelectorAll('body *')]
                      .map(e => [e, getComputedStyle(e)])
                      .filter(([e, s]) => s.wordBreak === 'break-all' || (s.overflowWrap === 'anywhere' && !e.closest('.url, .ident, pre.message')))
                      .map(([e, s]) => `${e.tagName.toLowerCase()}.${e.className} (${s.wordBreak}, ${s.overflowWrap})`))]
                    """);
                views.Add(new PageView("/" + address, overflow, await AccessibilityAssert.ViolationsAsync(page), small, breaking));
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
        return views;
    }
}
