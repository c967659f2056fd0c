using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.IntegrationTests;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// An archive filled by the real pipeline (Azurite, a loopback ministry site, SMTP on loopback) and <c>monitor serve</c>'s
/// web server on it, shared by the browser and API tests: two ministries, a statement edited into a second version that
/// adds a topic mention, a statement full of XSS probes, and a statement page that failed until its message was poisoned.
/// </summary>
public sealed class WebArchiveFixture : IAsyncLifetime
{
    public const string RussianSource = "ru-mfa";
    public const string EnglishSource = "en-mfa";
    public const string EditedId = "edited";

    public const string EditedTitle = "О переговорах министров";
    public const string InsertedSentence = "Стороны подтвердили, что движение по Лачинскому коридору должно быть восстановлено.";
    public const string TransportTitle = "О транспортном сообщении";
    public const string PeaceTitle = "Statement on the peace talks";
    public const string XssTitle = "<script>alert('title')</script> Probe <img src=x onerror=alert('title-img')>";

    private PipelineHarness? _harness;
    private LocalWebServer? _server;

    public PipelineHarness Harness => _harness!;
    public LocalWebServer Server => _server!;
    public Uri BaseAddress => Server.Address;

    /// <summary>Statement ids by title, as the pipeline derived them from the URLs.</summary>
    public Dictionary<string, (string Source, string Id)> Statements { get; } = [];

    public async Task InitializeAsync()
    {
        _harness = await PipelineHarness.StartAsync(
            [
                new { id = RussianSource, name = "Russian MFA", language = "ru", listing = new { url = "{{BASE}}ru/news/", links = "a.s" } },
                new { id = EnglishSource, name = "Foreign Office", language = "en", listing = new { url = "{{BASE}}en/news/", links = "a.s" } },
            ],
            [new { id = "lachin-corridor", name = "Lachin corridor", terms = new[] { "Lachin corridor", "Лачинский коридор" } }],
            [new { email = "analyst@example.org", topics = new[] { "lachin-corridor" } }],
            // The fuzz test sends hundreds of requests to the subscriber pages from loopback; the limit is tested on its own.
            settings: new Dictionary<string, string?> { ["LocalRunner:MaxDequeueCount"] = "2", ["Web:SubscriberRequestsPerClient"] = "1000000" },
            beforeStart: site =>
            {
                site.Set("ru/news/", Listing("/ru/news/1.html", "/ru/news/2.html"));
                site.Set("ru/news/1.html", Page(EditedTitle, "Министр провёл переговоры с коллегой.", "Стороны обсудили вопросы региональной безопасности."));
                site.Set("ru/news/2.html", Page(TransportTitle, "Транспортный коридор через регион остаётся открытым для гуманитарных грузов."));
                site.Set("en/news/", Listing("/en/news/1.html", "/en/news/xss.html", "/en/news/broken.html"));
                site.Set("en/news/1.html", Page(PeaceTitle, "The ministers met in Geneva to continue the peace talks.", "Both delegations agreed to meet again."));
                site.Set("en/news/xss.html", XssPage());
                site.Fail("en/news/broken.html", 503);
            });

        var first = await Harness.RunCycleAsync();
        if (first.Poisoned != 1) throw new InvalidOperationException($"Expected the broken page's message to be poisoned, got {first.Poisoned}.");

        // The edit: a sentence with the topic's mention is added; the broken page drops off the listing, so its message waits in fetch-poison.
        Harness.Site.Set("en/news/", Listing("/en/news/1.html", "/en/news/xss.html"));
        Harness.Site.Set("ru/news/1.html", Page(EditedTitle, "Министр провёл переговоры с коллегой. " + InsertedSentence, "Стороны обсудили вопросы региональной безопасности."));
        await Harness.RunCycleAsync();

        foreach (var record in await Harness.StatementsAsync())
            Statements[record.Title ?? ""] = (record.SourceId, record.StatementId);

        _server = await LocalWebServer.StartAsync(Harness.Options, port: 0, CancellationToken.None);
    }

    public (string Source, string Id) Statement(string title) =>
        Statements.TryGetValue(title, out var s) ? s : throw new KeyNotFoundException($"No archived statement titled '{title}': {string.Join(" | ", Statements.Keys)}");

    public Task<int> PoisonedFetchesAsync() => Harness.QueueLengthAsync(QueueNames.PoisonOf(QueueNames.Fetch));

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }

    private static string Listing(params string[] links) =>
        "<html><body><ul>" + string.Concat(links.Select(l => $"<li><a class=\"s\" href=\"{l}\">{l}</a></li>")) + "</ul></body></html>";

    private static string Page(string title, params string[] paragraphs) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><nav><a href=\"/\">Home</a></nav>" +
        $"<article><h1>{title}</h1>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</article></body></html>";

    /// <summary>Markup typed as text on the ministry's page (escaped there), so the archived title and text contain it literally.</summary>
    private static string XssPage() =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>&lt;script&gt;alert('title')&lt;/script&gt; Probe &lt;img src=x onerror=alert('title-img')&gt;</title></head><body><article>" +
        "<h1>&lt;script&gt;alert('title')&lt;/script&gt; Probe &lt;img src=x onerror=alert('title-img')&gt;</h1>" +
        "<p>Body &lt;script&gt;alert('body')&lt;/script&gt; and &lt;img src=x onerror=alert('body-img')&gt; are words here, not markup.</p>" +
        "<p>A link &lt;a href=\"javascript:alert('link')\"&gt;click me&lt;/a&gt; and a bare javascript:alert('bare') stay text.</p>" +
        "</article></body></html>";
}

[CollectionDefinition(Name)]
public sealed class WebArchiveCollection : ICollectionFixture<WebArchiveFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "web archive";
}
