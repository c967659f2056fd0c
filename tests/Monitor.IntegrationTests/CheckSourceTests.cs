using System.Diagnostics;
using System.Text.Json;
using MinistryMonitor.Cli.Demo;

namespace MinistryMonitor.IntegrationTests;

/// <summary><c>monitor check-source</c> as an operator runs it: a separate process against a ministry site on loopback.</summary>
[Trait("Category", "Slow")]
public sealed partial class CheckSourceTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> AllowLoopback = new() { ["Fetch__AllowPrivateNetworks"] = "true" };
    private LoopbackSite _site = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _site = await LoopbackSite.StartAsync();
        _site.Set("news/", """
            <html><body><a href="/about">About</a><div class="news-list"><ul>
              <li><a href="/news/1.html">One</a></li><li><a href="/news/2.html">Two</a></li>
              <li><a href="/news/3.html">Three</a></li><li><a href="/news/4.html">Four</a></li></ul></div></body></html>
            """);
        _site.Set("news/1.html", """<html><body><h1 class="t">Statement one</h1><div class="date">28 March, 2025</div><div class="static-content"><p>Body of the first statement.</p></div></body></html>""");
        // The ministry redesigned this page: no static-content block any more.
        _site.Set("news/2.html", """<html><body><h1 class="t">Statement two</h1><article><p>Body of the second statement, in the new layout.</p></article></body></html>""");
        _site.Fail("news/3.html", 503);
        _site.Set("feed.xml", $$"""
            <rss version="2.0"><channel><title>MFA</title>
              <item><title>Feed item</title><link>{{_site.UrlOf("news/1.html")}}</link><guid>f-1</guid><description>Short.</description></item>
            </channel></rss>
            """, "application/rss+xml");
        ServeEveryDialect();
        _directory = Directory.CreateTempSubdirectory("monitor-check-").FullName;
        File.WriteAllText(Path.Combine(_directory, "sources.json"), $$"""
            { "sources": [
              { "id": "mfa", "name": "MFA", "language": "en",
                "listing": { "url": "{{_site.UrlOf("news/")}}", "links": "div.news-list ul li" },
                "selectors": { "title": "h1.t", "date": "div.date", "body": "div.static-content" } },
              { "id": "moved", "name": "Moved", "language": "en", "listing": { "url": "{{_site.UrlOf("news/")}}", "links": "a.gone" } } ] }
            """);
    }

    [Fact]
    public async Task CheckSource_ListingWithOneRedesignedPage_ReportsEachSelectorAndFallsBackToGeneric()
    {
        var result = await MonitorAsync("check-source", "mfa", "--sources", "sources.json", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var check = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("listing", "ok", 200, 4), (check.GetProperty("kind").GetString(), check.GetProperty("fetch").GetProperty("outcome").GetString(),
            check.GetProperty("fetch").GetProperty("httpStatus").GetInt32(), check.GetProperty("linksFound").GetInt32()));
        var statements = check.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(3, statements.Count);

        var first = statements[0];
        Assert.True(first.GetProperty("body").GetProperty("matched").GetBoolean());
        Assert.Equal("28 chars", first.GetProperty("body").GetProperty("value").GetString());
        Assert.Equal("2025-03-28T00:00:00+00:00", first.GetProperty("date").GetProperty("value").GetString());
        Assert.Equal("selectors", first.GetProperty("method").GetString());

        var second = statements[1];
        Assert.True(second.GetProperty("title").GetProperty("matched").GetBoolean());
        Assert.False(second.GetProperty("body").GetProperty("matched").GetBoolean());
        Assert.False(second.GetProperty("date").GetProperty("matched").GetBoolean());
        Assert.Equal("generic", second.GetProperty("method").GetString());

        var third = statements[2];
        Assert.Equal(("http-error", 503), (third.GetProperty("fetch").GetProperty("outcome").GetString(), third.GetProperty("fetch").GetProperty("httpStatus").GetInt32()));
        Assert.True(_site.HitsOf("news/3.html") >= 1); // the pipeline's retries included
        Assert.Equal(0, _site.HitsOf("news/4.html"));
    }

    [Fact]
    public async Task CheckSource_TextOutput_SaysWhichSelectorMatchedNothing()
    {
        var result = await MonitorAsync("check-source", "mfa", "--sources", "sources.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("links found by 'div.news-list ul li': 4", result.Output);
        Assert.Contains("body:   div.static-content: 28 chars", result.Output);
        Assert.Contains("body:   div.static-content: selector matched nothing → generic: ", result.Output);
        Assert.Contains("title:  h1.t: Statement two", result.Output);
    }

    [Fact]
    public async Task CheckSource_LinkSelectorMatchesNothing_ExitsWith1AndSaysSo()
    {
        var result = await MonitorAsync("check-source", "moved", "--sources", "sources.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the link selector 'a.gone' matched no links", result.Output);
        Assert.Contains("NOT OK", result.Output);
    }

    [Fact]
    public async Task CheckSource_UrlOfAFeed_ReadsItAsAFeed()
    {
        var result = await MonitorAsync("check-source", "--url", _site.UrlOf("feed.xml").AbsoluteUri, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var check = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("feed", 1), (check.GetProperty("kind").GetString(), check.GetProperty("linksFound").GetInt32()));
        Assert.Equal("Statement one", check.GetProperty("statements")[0].GetProperty("title").GetProperty("value").GetString());
    }

    [Fact]
    public async Task CheckSource_UnknownId_ExitsWith2ListingTheIds()
    {
        var result = await MonitorAsync("check-source", "nope", "--sources", "sources.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no source 'nope' in the sources file; it has: mfa, moved", result.Output);
    }

    /// <summary>Output is stdout and stderr together; Stdout alone is what --json parsers read.</summary>
    private async Task<(int ExitCode, string Output, string Stdout)> MonitorAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "monitor.dll"), .. args])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in AllowLoopback) psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr, await stdout);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
