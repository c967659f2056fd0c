using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.IntegrationTests.Fetching;

/// <summary>
/// A hostile site on loopback (Kestrel): its own address written as numbers, redirects to cloud metadata and to other
/// schemes, a robots.txt built to freeze a backtracking matcher. Each is refused or answered within seconds, with the
/// reason, by the real fetch stack and by <c>monitor check-source</c> as a separate process, which never crashes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileSiteTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> PrivateNetworksOff = new() { ["Fetch:AllowPrivateNetworks"] = "false" };
    private LoopbackSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await LoopbackSite.StartAsync();
        _site.Set("news/1", "<html><body><article><p>Statement.</p></article></body></html>");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("2130706433")] // decimal
    [InlineData("0x7f000001")] // hex
    [InlineData("017700000001")] // octal
    [InlineData("0x7f.0.0.1")] // dotted hex
    [InlineData("0177.0.0.01")] // dotted octal
    [InlineData("127.1")] // short form
    [InlineData("[::ffff:127.0.0.1]")] // IPv4-mapped
    [InlineData("[::ffff:7f00:1]")] // IPv4-mapped in hex
    [InlineData("localhost")] // a name that resolves to loopback
    public async Task FetchAsync_OwnAddressWrittenAnotherWay_IsJudgedAsTheAddressItIsAndRefused(string host)
    {
        await using var services = FetchServices.Build(PrivateNetworksOff);
        var url = new Uri($"http://{host}:{_site.BaseUrl.Port}/news/1");

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(url, CancellationToken.None);

        Assert.True(page.Outcome == IngestionOutcome.Refused, $"{url}: {page.Outcome} {page.Error}");
        Assert.Contains("loopback", page.Error);
        Assert.Equal(0, _site.HitsOf("news/1") + _site.HitsOf("robots.txt"));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://168.63.129.16/machine?comp=goalstate")]
    [InlineData("http://100.100.100.200/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/")]
    [InlineData("http://2852039166/latest/meta-data/")] // 169.254.169.254 in decimal
    public async Task FetchAsync_RedirectToCloudMetadataWithPrivateNetworksAllowed_IsRefusedBeforeConnecting(string metadata)
    {
        _site.Handle("feed", context =>
        {
            context.Response.Redirect(metadata);
            return Task.CompletedTask;
        });
        await using var services = FetchServices.Build();

        var clock = Stopwatch.StartNew();
        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(_site.UrlOf("feed"), CancellationToken.None);

        Assert.True(page.Outcome == IngestionOutcome.Refused, $"{page.Outcome} {page.Error}");
        Assert.Contains("cloud metadata", page.Error);
        Assert.Contains("whatever Fetch:AllowPrivateNetworks says", page.Error);
        // The guard's refusal, thrown when it has judged the addresses and before it opens a socket (and not retried).
        Assert.StartsWith("refused to connect to ", page.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(1, _site.HitsOf("feed"));
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://ftp.example/pub/", "ftp")]
    [InlineData("gopher://127.0.0.1:70/1", "gopher")]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("data:text/html,<p>hi</p>", "data")]
    public async Task FetchAsync_RedirectToAnotherScheme_IsRefusedWithItsReason(string location, string scheme)
    {
        _site.Handle("feed", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });
        await using var services = FetchServices.Build();

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(_site.UrlOf("feed"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.Refused, 302), (page.Outcome, page.HttpStatus));
        Assert.Contains($"redirect to {scheme}:", page.Error);
        Assert.Contains("only http and https are followed", page.Error);
    }

    [Theory]
    [InlineData("ftp://ftp.example/pub/statement.html")]
    [InlineData("file:///etc/passwd")]
    public async Task FetchAsync_UrlOfAnotherScheme_IsRefusedNotThrown(string url)
    {
        await using var services = FetchServices.Build();

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(new Uri(url), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Refused, page.Outcome);
        Assert.Contains("only http and https", page.Error);
    }

    [Fact]
    public async Task FetchAsync_RedirectToAHostWhoseRobotsTxtDisallows_IsNotFetchedThere()
    {
        await using var other = await LoopbackSite.StartAsync();
        other.Set("robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
        other.Set("private/page", "<html><body><p>Private.</p></body></html>");
        _site.Handle("feed", context =>
        {
            context.Response.Redirect(other.UrlOf("private/page").AbsoluteUri);
            return Task.CompletedTask;
        });
        await using var services = FetchServices.Build();

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(_site.UrlOf("feed"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Robots, page.Outcome);
        Assert.Equal(other.UrlOf("private/page"), page.Url);
        Assert.Contains($"robots.txt of {other.BaseUrl.Authority} disallows /private/page (Disallow: /private/)", page.Error);
        Assert.Contains($"redirected from {_site.UrlOf("feed")}", page.Error);
        Assert.Equal((1, 0), (other.HitsOf("robots.txt"), other.HitsOf("private/page")));
    }

    [Fact]
    public async Task FetchAsync_PathologicalRobotsTxt_IsAnsweredWithinSeconds()
    {
        // The rule that froze a backtracking matcher for minutes, many times over, against a long URL of a's.
        var rules = string.Concat(Enumerable.Range(0, 2000).Select(i => "Disallow: /" + string.Concat(Enumerable.Repeat("*a", 18)) + $" b{i}\n"));
        _site.Set("robots.txt", "User-agent: *\n" + rules, "text/plain");
        var path = "news/" + new string('a', 3000);
        _site.Set(path, "<html><body><article><p>Statement.</p></article></body></html>");
        await using var services = FetchServices.Build();

        var clock = Stopwatch.StartNew();
        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(_site.UrlOf(path), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Ok, page.Outcome);
        // (A backtracking matcher took minutes for one such rule; this bound leaves room for a loaded machine.)
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task FetchAsync_HostNameThatDoesNotResolve_IsANetworkErrorSayingSo()
    {
        await using var services = FetchServices.Build(PrivateNetworksOff);

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(new Uri("http://no-such-ministry.invalid/news/1"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.NetworkError, page.Outcome);
        Assert.Contains("the host name no-such-ministry.invalid does not resolve", page.Error);
        Assert.DoesNotContain("Disallow", page.Error);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task FetchAsync_RetryAfter120_IsAnsweredAtOnceAsHttpErrorWithoutRetrying(int status)
    {
        _site.Handle("busy", context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        await using var services = FetchServices.Build(new Dictionary<string, string?> { ["Fetch:MaxRetries"] = "3" });

        var clock = Stopwatch.StartNew();
        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(_site.UrlOf("busy"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.HttpError, status), (page.Outcome, page.HttpStatus));
        Assert.Contains("Retry-After 120 s", page.Error);
        Assert.InRange(page.RetryAt!.Value - page.StartedAt, TimeSpan.FromSeconds(115), TimeSpan.FromSeconds(125));
        // Not held until the Retry-After (120 s) or the total timeout: answered at once, bounded loosely for a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(1, _site.HitsOf("busy"));
    }

    [Fact]
    public async Task RunCycle_HostileListing_EachPageRefusedWithItsReasonAndNothingPoisoned()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [new { id = "hostile", name = "Hostile", language = "en", listing = new { url = "{{BASE}}news/", links = "a" } }],
            [], [],
            beforeStart: site =>
            {
                site.Set("robots.txt", "User-agent: *\n" + string.Concat(Enumerable.Range(0, 500).Select(i => "Disallow: /" + string.Concat(Enumerable.Repeat("*a", 18)) + $" b{i}\n")), "text/plain");
                site.Set("news/", "<html><body><a href=\"/news/file\">1</a><a href=\"/news/gopher\">2</a><a href=\"/news/metadata\">3</a></body></html>");
                foreach (var (path, location) in new[] { ("news/file", "file:///etc/passwd"), ("news/gopher", "gopher://127.0.0.1:70/1"), ("news/metadata", "http://169.254.169.254/latest/meta-data/") })
                {
                    site.Handle(path, context =>
                    {
                        context.Response.Redirect(location);
                        return Task.CompletedTask;
                    });
                }
            });

        var clock = Stopwatch.StartNew();
        var summary = await harness.RunCycleAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the cycle took {clock.Elapsed}");
        Assert.Equal((0, 0), (summary.Failed, summary.Poisoned));
        var pages = (await harness.LogAsync()).Where(e => e.Kind == "page").ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(IngestionOutcome.Refused, p.Outcome));
        Assert.Contains("redirect to file:", Assert.Single(pages, p => p.Url.AbsolutePath == "/news/file").Error);
        Assert.Contains("redirect to gopher:", Assert.Single(pages, p => p.Url.AbsolutePath == "/news/gopher").Error);
        // Refused at the target's connection: the row shows the target, and where the redirect came from.
        var metadata = Assert.Single(pages, p => p.Url.Host == "169.254.169.254");
        Assert.Contains("cloud metadata", metadata.Error);
        Assert.EndsWith($"(redirected from {harness.Site.UrlOf("news/metadata")})", metadata.Error);
        Assert.Empty(await harness.StatementsAsync());
    }

    [Fact]
    public async Task CheckSource_HostileRedirectsAndRobots_NeverCrashesAndSaysWhy()
    {
        _site.Handle("to-file", context =>
        {
            context.Response.Redirect("file:///etc/passwd");
            return Task.CompletedTask;
        });
        _site.Handle("to-gopher", context =>
        {
            context.Response.Redirect("gopher://127.0.0.1:70/1");
            return Task.CompletedTask;
        });
        _site.Handle("to-metadata", context =>
        {
            context.Response.Redirect("http://169.254.169.254/latest/meta-data/");
            return Task.CompletedTask;
        });
        var directory = Directory.CreateTempSubdirectory("monitor-hostile-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["Fetch__AllowPrivateNetworks"] = "true" };
            foreach (var (path, expected) in new[] { ("to-file", "redirect to file:"), ("to-gopher", "redirect to gopher:"), ("to-metadata", "cloud metadata") })
            {
                var clock = Stopwatch.StartNew();
                var (exitCode, output) = await MonitorProcess.RunAsync("dotnet",
                    [Path.Combine(AppContext.BaseDirectory, "monitor.dll"), "check-source", "--url", _site.UrlOf(path).AbsoluteUri, "--json"],
                    directory, environment, TimeSpan.FromMinutes(1));

                // 1: the source is not OK. Not 70 (an unhandled exception), and within seconds.
                Assert.True(exitCode == 1, $"{path}: exit {exitCode}\n{output}");
                var json = output[output.IndexOf('{')..(output.LastIndexOf('}') + 1)];
                var fetch = JsonDocument.Parse(json).RootElement.GetProperty("fetch");
                Assert.Equal("refused", fetch.GetProperty("outcome").GetString());
                Assert.Contains(expected, fetch.GetProperty("error").GetString());
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{path} took {clock.Elapsed}");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
