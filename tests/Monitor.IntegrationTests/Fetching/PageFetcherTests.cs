using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Http;
using Polly.CircuitBreaker;

namespace MinistryMonitor.IntegrationTests.Fetching;

/// <summary>The fetch stack against Kestrel sites on loopback that misbehave.</summary>
[Trait("Category", "Slow")]
public sealed class PageFetcherTests
{
    private const string Page = "<html><body><article><p>Statement.</p></article></body></html>";

    [Fact]
    public async Task FetchAsync_PrivateNetworksOff_RefusesLoopbackWithoutConnecting()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Set("news/1", Page);
        await using var services = FetchServices.Build(new Dictionary<string, string?> { ["Fetch:AllowPrivateNetworks"] = "false" });

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(site.UrlOf("news/1"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Refused, page.Outcome);
        Assert.Contains("127.0.0.1 (loopback, RFC 1122)", page.Error);
        Assert.Contains("Fetch:AllowPrivateNetworks", page.Error);
        Assert.Equal(0, site.HitsOf("news/1") + site.HitsOf("robots.txt"));
    }

    [Fact]
    public async Task FetchAsync_RedirectToAPrivateAddress_IsRefusedAtTheRedirect()
    {
        await using var site = await LoopbackSite.StartAsync();
        // 127.0.0.1 stands for a public site here; every other address is judged by the real policy.
        var guard = new NetworkGuard(false, a => a.Equals(IPAddress.Loopback) ? null : AddressPolicy.Forbidden(a));
        site.Handle("feed", context =>
        {
            context.Response.Redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
            return Task.CompletedTask;
        });
        await using var services = FetchServices.Build(new Dictionary<string, string?> { ["Fetch:AllowPrivateNetworks"] = "false" },
            s => s.AddSingleton(guard));

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(site.UrlOf("feed"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Refused, page.Outcome);
        Assert.Contains("169.254.169.254 (cloud metadata: ", page.Error);
        Assert.Equal(1, site.HitsOf("feed"));
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_GivesUpAfterFiveRedirects()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Handle("loop", context =>
        {
            context.Response.Redirect("/loop");
            return Task.CompletedTask;
        });
        await using var services = FetchServices.Build();

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(site.UrlOf("loop"), CancellationToken.None);

        Assert.Equal((IngestionOutcome.HttpError, 302), (page.Outcome, page.HttpStatus));
        Assert.Contains("more than 5 redirects", page.Error);
        Assert.Equal(PageFetcher.MaxRedirects + 1, site.HitsOf("loop"));
    }

    [Fact]
    public async Task FetchAsync_BodyStallsAfterTheHeaders_TimesOutAsNetworkError()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Handle("stall", async context =>
        {
            context.Response.ContentLength = 10_000;
            await context.Response.WriteAsync("<html><body>");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        await using var services = FetchServices.Build(new Dictionary<string, string?> { ["Fetch:AttemptTimeoutSeconds"] = "1" });

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(site.UrlOf("stall"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.NetworkError, page.Outcome);
        Assert.Contains("the body did not arrive within 1 s", page.Error);
        Assert.True(page.Duration < TimeSpan.FromSeconds(5), page.Duration.ToString());
    }

    [Fact]
    public async Task FetchAsync_GzipBomb_IsRefusedOnceTheDecompressedLimitIsPassed()
    {
        await using var site = await LoopbackSite.StartAsync();
        var bomb = Gzip(new byte[8 * 1024 * 1024]);
        site.Handle("bomb", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb);
        });
        await using var services = FetchServices.Build(new Dictionary<string, string?> { ["Fetch:MaxResponseMegabytes"] = "1" });

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(site.UrlOf("bomb"), CancellationToken.None);

        Assert.True(bomb.Length < 64 * 1024);
        Assert.Equal(IngestionOutcome.InvalidContent, page.Outcome);
        Assert.Contains("larger than 1024 KB once decompressed", page.Error);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task FetchAsync_CompressedResponse_IsDecompressedAndAskedFor(string encoding)
    {
        await using var site = await LoopbackSite.StartAsync();
        string? acceptEncoding = null;
        site.Handle("page", async context =>
        {
            acceptEncoding = context.Request.Headers.AcceptEncoding;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.Body.WriteAsync(Compress(Encoding.UTF8.GetBytes(Page), encoding));
        });
        await using var services = FetchServices.Build();

        var page = await services.GetRequiredService<PageFetcher>().FetchAsync(site.UrlOf("page"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Ok, page.Outcome);
        Assert.Equal(Page, Encoding.UTF8.GetString(page.Content));
        Assert.Contains("gzip", acceptEncoding);
        Assert.Contains("br", acceptEncoding);
        Assert.Contains("deflate", acceptEncoding);
    }

    [Fact]
    public async Task FetchAsync_ConditionalAfterRemembering_IsNotModifiedWithNoBody()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Set("feed", "<rss><channel></channel></rss>", "application/rss+xml");
        await using var services = FetchServices.Build();
        var fetcher = services.GetRequiredService<PageFetcher>();

        var first = await fetcher.FetchAsync(site.UrlOf("feed"), FetchPurpose.Feed, null, conditional: true, CancellationToken.None);
        var notRemembered = await fetcher.FetchAsync(site.UrlOf("feed"), FetchPurpose.Feed, null, conditional: true, CancellationToken.None);
        await fetcher.RememberAsync(first, CancellationToken.None);
        var second = await fetcher.FetchAsync(site.UrlOf("feed"), FetchPurpose.Feed, null, conditional: true, CancellationToken.None);
        site.Set("feed", "<rss><channel><item><link>/1</link></item></channel></rss>", "application/rss+xml");
        var changed = await fetcher.FetchAsync(site.UrlOf("feed"), FetchPurpose.Feed, null, conditional: true, CancellationToken.None);

        Assert.Equal(IngestionOutcome.Ok, notRemembered.Outcome);
        Assert.Equal((IngestionOutcome.NotModified, 304, 0), (second.Outcome, second.HttpStatus, second.Content.Length));
        Assert.Equal(IngestionOutcome.Ok, changed.Outcome);
        Assert.Equal(1, site.NotModifiedOf("feed"));
    }

    [Fact]
    public async Task FetchAsync_RobotsTxtDisallows_SkipsThePageAndSaysWhichRule()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Set("robots.txt", "User-agent: *\nDisallow: /news/?PAGEN\n\nUser-agent: MinistryMonitor\nDisallow: /private/\n", "text/plain");
        site.Set("private/1", Page);
        site.Set("news/1", Page);
        await using var services = FetchServices.Build();
        var fetcher = services.GetRequiredService<PageFetcher>();

        var skipped = await fetcher.FetchAsync(site.UrlOf("private/1"), CancellationToken.None);
        var allowed = await fetcher.FetchAsync(site.UrlOf("news/1"), CancellationToken.None);

        Assert.Equal(IngestionOutcome.Robots, skipped.Outcome);
        Assert.Contains("Disallow: /private/", skipped.Error);
        Assert.Equal(0, site.HitsOf("private/1"));
        Assert.Equal(IngestionOutcome.Ok, allowed.Outcome);
        Assert.Equal(1, site.HitsOf("robots.txt"));
    }

    [Fact]
    public async Task FetchAsync_SourceUserAgentAndHeaders_ReplaceTheDefaults()
    {
        await using var site = await LoopbackSite.StartAsync();
        var seen = new List<(string UserAgent, string Language)>();
        site.Handle("page", async context =>
        {
            seen.Add((context.Request.Headers.UserAgent.ToString(), context.Request.Headers.AcceptLanguage.ToString()));
            await context.Response.WriteAsync(Page);
        });
        await using var services = FetchServices.Build();
        var fetcher = services.GetRequiredService<PageFetcher>();
        var custom = new SourceRequestSettings("Mozilla/5.0 (compatible; MinistryMonitor)", new Dictionary<string, string> { ["Accept-Language"] = "ru" }, []);

        await fetcher.FetchAsync(site.UrlOf("page"), CancellationToken.None);
        await fetcher.FetchAsync(site.UrlOf("page"), FetchPurpose.Page, custom, conditional: false, CancellationToken.None);

        Assert.Equal("MinistryMonitor/1.0 (+https://github.com/ministry-monitor/ministry-monitor)", seen[0].UserAgent);
        Assert.Equal(("Mozilla/5.0 (compatible; MinistryMonitor)", "ru"), seen[1]);
    }

    [Fact]
    public async Task CircuitBreaker_OneHostFailing_DoesNotBreakAnotherHost()
    {
        await using var failing = await LoopbackSite.StartAsync();
        await using var healthy = await LoopbackSite.StartAsync();
        failing.Fail("x", 500);
        healthy.Set("x", Page);
        await using var services = FetchServices.Build();
        // The fetcher's own client, below the per-host throttle, so the failures come fast enough to open a breaker.
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PageFetcher));

        var failures = await Task.WhenAll(Enumerable.Range(0, 150).Select(async _ =>
        {
            try
            {
                using var response = await http.GetAsync(failing.UrlOf("x"));
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));
        using var answer = await http.GetAsync(healthy.UrlOf("x"));

        // The client's handler hands Polly's refusal to Core as its own exception, with Polly's as the cause.
        Assert.Contains(failures, e => e is RequestRejectedException { InnerException: BrokenCircuitException });
        var rejected = await Assert.ThrowsAsync<RequestRejectedException>(() => http.GetAsync(failing.UrlOf("x")));
        Assert.IsType<BrokenCircuitException>(rejected.InnerException);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static byte[] Gzip(byte[] data) => Compress(data, "gzip");

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = encoding switch
               {
                   "gzip" => new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true),
                   "br" => new BrotliStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true),
                   _ => new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true),
                 })
        {
            compressor.Write(data);
        }
        return buffer.ToArray();
    }
}
