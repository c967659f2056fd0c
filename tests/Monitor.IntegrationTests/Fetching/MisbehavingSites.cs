using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Core.Decoding;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.IntegrationTests.Fetching;

/// <summary>
/// One cycle of the real pipeline (Azurite, Kestrel on loopback) over sources whose servers misbehave in every way
/// the issue lists, beside healthy ones: the tests then check each source's log row and what was (not) archived.
/// One Azurite and one cycle for all of them keeps the suite fast, and shows the sources do not disturb each other.
/// </summary>
public sealed partial class MisbehavingSites : IAsyncLifetime
{
    public const string Phrase = "Лачинский коридор должен оставаться открытым";

    private PipelineHarness _harness = null!;

    public PipelineHarness Harness => _harness;
    public CycleSummary Summary { get; private set; } = null!;
    public IReadOnlyList<IngestionEntry> Log { get; private set; } = [];
    public List<StatementRecord> Statements { get; private set; } = [];
    public IReadOnlyList<OperatorAlert> OperatorAlerts { get; private set; } = [];

    /// <summary>How many items the Russian feeds have.</summary>
    public static int Koi8Items { get; } = Items("KOI8-R/aviaport.ru.xml");
    public static int Cp1251Items { get; } = Items("windows-1251-russian/aif.ru.health.xml");

    public async Task InitializeAsync()
    {
        object Listing(string id, string path, string language = "en") => new { id, name = id, language, listing = new { url = "{{BASE}}" + path, links = "a" } };
        object Feed(string id, string path, string language = "en") => new { id, name = id, language, feed = "{{BASE}}" + path };

        _harness = await PipelineHarness.StartAsync(
            [
                Listing("healthy", "healthy/"),
                Listing("flaky", "flaky/"),
                Listing("unavailable", "unavailable/"),
                Listing("rate-limited", "rate-limited/"),
                Listing("slow", "slow/"),
                Listing("reset", "reset/"),
                Listing("truncated", "truncated/"),
                Listing("oversized", "oversized/"),
                Listing("bomb", "bomb/"),
                Listing("wrong-charset", "wrong-charset/", "ru"),
                Listing("no-charset", "no-charset/", "ru"),
                Listing("loop", "loop/"),
                Listing("robots", "private/"),
                Feed("challenge", "challenge-feed/"),
                Feed("koi8-feed", "koi8-feed/", "ru"),
                Feed("cp1251-feed", "cp1251-feed/", "ru"),
            ],
            [TestData.Topic("lachin-corridor", "Лачинский коридор")],
            [],
            settings: new Dictionary<string, string?>
            {
                ["Fetch:AttemptTimeoutSeconds"] = "2",
                ["Fetch:TotalTimeoutSeconds"] = "8",
                ["Fetch:MaxResponseMegabytes"] = "1",
                ["LocalRunner:MaxDequeueCount"] = "3",
            },
            beforeStart: Serve);

        Summary = await _harness.RunCycleAsync();
        Log = await _harness.LogAsync();
        Statements = await _harness.StatementsAsync();
        // The runner hands the operator-alerts queue to the operator notifier after the cycle: the alerts are in its log.
        OperatorAlerts = (await _harness.Get<IOperatorAlertLog>().ReadRecentAsync(1000, CancellationToken.None)).Select(r => r.Alert).ToList();
    }

    public IngestionEntry Discovery(string sourceId) => Assert.Single(Log, e => e.SourceId == sourceId && e.Kind == "discover");

    public List<IngestionEntry> Pages(string sourceId) => Log.Where(e => e.SourceId == sourceId && e.Kind == "page").OrderBy(e => e.StartedAt).ToList();

    private static void Serve(LoopbackSite site)
    {
        CodePages.Register();
        var cp1251 = Encoding.GetEncoding(1251);
        string Listing(string path) => $"<html><body><a href=\"/{path}1\">1</a></body></html>";
        string Statement(string text) => $"<html><head><title>Statement</title></head><body><article><h1>Statement</h1><p>{text}</p></article></body></html>";
        var statement = Statement("The ministry comments on the situation.");

        site.Set("robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");

        // Healthy, gzip-compressed, with links off the site that must not be followed.
        site.Handle("healthy/", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(
                "<html><body><a href=\"/healthy/1\">1</a><a href=\"http://169.254.169.254/latest/meta-data/\">x</a><a href=\"http://evil.example/x\">y</a></body></html>"));
        });
        site.Set("healthy/1", statement);

        // 500, then 200.
        var flaky = 0;
        site.Handle("flaky/", async context =>
        {
            if (Interlocked.Increment(ref flaky) == 1)
            {
                context.Response.StatusCode = 500;
                return;
            }
            await context.Response.WriteAsync(Listing("flaky/"));
        });
        site.Set("flaky/1", statement);

        // Without Retry-After: one with it defers the whole host (here, every source), which RetryAfterTests and HostileSiteTests cover.
        site.Handle("unavailable/", context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        site.Handle("rate-limited/", context =>
        {
            context.Response.StatusCode = 429;
            return Task.CompletedTask;
        });
        site.Handle("slow/", async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));

        // A connection reset in the middle of the body, then a good answer.
        site.Set("reset/", Listing("reset/"));
        var resets = 0;
        site.Handle("reset/1", async context =>
        {
            var body = Encoding.UTF8.GetBytes(statement);
            if (Interlocked.Increment(ref resets) == 1)
            {
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await context.Response.Body.FlushAsync();
                // Let the headers reach the client first, so that the cut comes while it reads the body.
                await Task.Delay(300);
                context.Abort();
                return;
            }
            await context.Response.Body.WriteAsync(body);
        });

        // A body shorter than its Content-Length, then a good answer.
        site.Set("truncated/", Listing("truncated/"));
        var truncations = 0;
        site.Handle("truncated/1", async context =>
        {
            var body = Encoding.UTF8.GetBytes(statement);
            if (Interlocked.Increment(ref truncations) == 1)
            {
                context.Response.ContentLength = body.Length + 1000;
                await context.Response.Body.WriteAsync(body);
                await context.Response.Body.FlushAsync();
                // Let the headers reach the client first, so that the cut comes while it reads the body.
                await Task.Delay(300);
                context.Abort();
                return;
            }
            await context.Response.Body.WriteAsync(body);
        });

        site.Set("oversized/", Listing("oversized/"));
        site.Set("oversized/1", Statement(new string('x', 2 * 1024 * 1024)));

        site.Set("bomb/", Listing("bomb/"));
        var bomb = Gzip(new byte[16 * 1024 * 1024]);
        site.Handle("bomb/1", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb);
        });

        // A server that says UTF-8 for windows-1251 bytes (the page's meta tag is right), and one that says nothing at all.
        site.Set("wrong-charset/", Listing("wrong-charset/"));
        site.Set("wrong-charset/1", cp1251.GetBytes(Statement(Phrase).Replace("<head>", "<head><meta charset=\"windows-1251\">", StringComparison.Ordinal)), "text/html; charset=utf-8");
        site.Set("no-charset/", Listing("no-charset/"));
        site.Set("no-charset/1", cp1251.GetBytes(Statement(Phrase + ". Российская Федерация призывает стороны к диалогу.")), "text/html");

        site.Handle("loop/", context =>
        {
            context.Response.Redirect("/loop/");
            return Task.CompletedTask;
        });

        site.Set("private/", Listing("private/"));

        site.Set("challenge-feed/",
            "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>",
            "text/html; charset=UTF-8");

        // Real Russian feeds: KOI8-R named only in the XML declaration, windows-1251 named only in the HTTP header.
        site.Set("koi8-feed/", LinksToLoopback(EncodingCorpus("KOI8-R/aviaport.ru.xml"), site, "koi8-article/"), "application/xml");
        site.Set("cp1251-feed/", WithoutDeclaredEncoding(LinksToLoopback(EncodingCorpus("windows-1251-russian/aif.ru.health.xml"), site, "cp1251-article/")),
            "application/rss+xml; charset=windows-1251");
        site.Set("koi8-article/", Statement("Новости авиации."));
        site.Set("cp1251-article/", Statement("Здоровье."));
    }

    private static byte[] EncodingCorpus(string file) => File.ReadAllBytes(SharedData.PathOf("corpora", "encodings", file));

    private static int Items(string file) => ItemStart().Count(Encoding.Latin1.GetString(EncodingCorpus(file)));

    /// <summary>Points every item at the loopback site (one page, told apart by the query), so nothing leaves the machine.</summary>
    private static byte[] LinksToLoopback(byte[] feed, LoopbackSite site, string path)
    {
        var n = 0;
        var latin1 = Encoding.Latin1.GetString(feed);
        var rewritten = Link().Replace(latin1, _ => $"<link>{site.UrlOf(path)}?n={++n}</link>");
        return Encoding.Latin1.GetBytes(rewritten);
    }

    private static byte[] WithoutDeclaredEncoding(byte[] feed) =>
        Encoding.Latin1.GetBytes(DeclaredEncoding().Replace(Encoding.Latin1.GetString(feed), string.Empty, 1));

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }

    [GeneratedRegex(@"<link>\s*https?://[^<]*</link>")]
    private static partial Regex Link();

    [GeneratedRegex(@"<item>")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"\s+encoding\s*=\s*""[^""]+""", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredEncoding();

    public async Task DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
