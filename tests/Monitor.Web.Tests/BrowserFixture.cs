using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// Headless Chromium from Debian's package (installed on first use), driven by Playwright: one browser per test
/// process, shared by every class (each page gets a context of its own), so the classes run in parallel on one
/// Chromium start-up.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = DebianChromium.ExecutablePath;

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await Shared.Value;

    private static async Task<IBrowser> LaunchAsync()
    {
        await DebianChromium.EnsureInstalledAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        // Closed as the test process exits, after every class is done with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            playwright.Dispose();
        };
        return browser;
    }

    /// <summary>A fresh page that records every dialog (alert, confirm) a script might open.</summary>
    /// <param name="colorScheme">The <c>prefers-color-scheme</c> the page sees (light unless told).</param>
    public async Task<(IPage Page, List<string> Dialogs)> NewPageAsync(int width = 1100, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        // Playwright's 30 s default is for an idle machine; the suite runs browser and process tests at once on 2 cores.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return (page, dialogs);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
