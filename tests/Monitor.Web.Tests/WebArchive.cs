using System.Globalization;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.IntegrationTests;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// One archive per test process, filled by the real pipeline (Azurite, a loopback ministry site, SMTP on loopback) and <c>monitor serve</c>'s
/// web server on it, shared by the browser and API tests: two ministries, a statement edited into a second version that
/// adds a topic mention, a statement full of XSS probes, and a statement page that failed until its message was poisoned.
/// </summary>
public sealed class WebArchive
{
    public const string RussianSource = "ru-mfa";
    public const string EnglishSource = "en-mfa";
    public const string EditedId = "edited";

    public const string EditedTitle = "О переговорах министров";
    public const string InsertedSentence = "Стороны подтвердили, что движение по Лачинскому коридору должно быть восстановлено.";
    public const string TransportTitle = "О транспортном сообщении";
    public const string PeaceTitle = "Statement on the peace talks";
    /// <summary>Published long before the fixture ran: listed below every undated statement (those were first seen in the run).</summary>
    public const string DatedOldTitle = "Statement on the 2020 ceasefire";
    public static readonly DateTimeOffset DatedOldPublished = new(2020, 3, 2, 9, 30, 0, TimeSpan.Zero);
    /// <summary>Appears in the second cycle, published between the cycles: listed above the undated statements first seen in the first.</summary>
    public const string DatedLaterTitle = "Statement on the border commission";
    /// <summary>A source only the seeded log rows name: a log with known counts, apart from the pipeline's own rows.</summary>
    public const string LogSource = "log-seeded";
    /// <summary>An operator alert in the log, mailed to <see cref="OperatorAlertRecipient"/>: markup in it is text.</summary>
    public const string OperatorAlertMessage = "Feed at <b>example</b> answered <script>alert(1)</script>";
    public const string OperatorAlertRecipient = "ops@example.org";
    public const string XssTitle = "<script>alert('title')</script> Probe <img src=x onerror=alert('title-img')>";

    private PipelineHarness? _harness;
    private LocalWebServer? _server;

    public PipelineHarness Harness => _harness!;
    public LocalWebServer Server => _server!;
    public Uri BaseAddress => Server.Address;

    /// <summary>When the later dated statement says it was published (between the two cycles).</summary>
    public DateTimeOffset DatedLaterPublished { get; private set; }

    /// <summary>The log rows seeded for <see cref="LogSource"/>: two cycles with every kind of outcome.</summary>
    public IReadOnlyList<IngestionEntry> SeededLog { get; private set; } = [];

    /// <summary>Statement ids by title, as the pipeline derived them from the URLs.</summary>
    public Dictionary<string, (string Source, string Id)> Statements { get; } = [];

    private static readonly Lazy<Task<WebArchive>> Shared = new(StartAsync);

    private WebArchive()
    {
    }

    /// <summary>The process's archive, filled on first use; it is stopped when the test process exits.</summary>
    public static Task<WebArchive> InstanceAsync() => Shared.Value;

    private static async Task<WebArchive> StartAsync()
    {
        var archive = new WebArchive();
        // A test class must not stop what the others still use, so the archive lives as long as the process (xunit v2 has
        // no assembly fixture); its Azurite is TestAzurite's, which stops on its own.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => archive.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        await archive.FillAsync();
        return archive;
    }

    private async Task FillAsync()
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
                site.Set("en/news/", Listing("/en/news/1.html", "/en/news/xss.html", "/en/news/broken.html", "/en/news/dated.html"));
                site.Set("en/news/dated.html", Page(DatedOldTitle, DatedOldPublished, "The ceasefire agreed in 2020 was reviewed."));
                site.Set("en/news/1.html", Page(PeaceTitle, "The ministers met in Geneva to continue the peace talks.", "Both delegations agreed to meet again."));
                site.Set("en/news/xss.html", XssPage());
                site.Fail("en/news/broken.html", 503);
            });

        var first = await Harness.RunCycleAsync();
        if (first.Poisoned != 1) throw new InvalidOperationException($"Expected the broken page's message to be poisoned, got {first.Poisoned}.");

        // The edit: a sentence with the topic's mention is added; the broken page drops off the listing, so its message waits in fetch-poison.
        // Whole seconds (as the page states it), after every first sighting of the first cycle.
        var now = DateTimeOffset.UtcNow.AddSeconds(2);
        DatedLaterPublished = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
        Harness.Site.Set("en/news/", Listing("/en/news/1.html", "/en/news/xss.html", "/en/news/dated.html", "/en/news/later.html"));
        Harness.Site.Set("en/news/later.html", Page(DatedLaterTitle, DatedLaterPublished, "The border commission met again."));
        Harness.Site.Set("ru/news/1.html", Page(EditedTitle, "Министр провёл переговоры с коллегой. " + InsertedSentence, "Стороны обсудили вопросы региональной безопасности."));
        // A one-word edit: the reader sees exactly that word marked.
        Harness.Site.Set("en/news/1.html", Page(PeaceTitle, "The ministers met in Vienna to continue the peace talks.", "Both delegations agreed to meet again."));
        await Harness.RunCycleAsync();

        foreach (var record in await Harness.StatementsAsync())
            Statements[record.Title ?? ""] = (record.SourceId, record.StatementId);

        SeededLog = SeedLog(DateTimeOffset.UtcNow.AddHours(-1));
        foreach (var entry in SeededLog) await Harness.Get<IIngestionLog>().RecordAsync(entry, CancellationToken.None);

        // What the runner records after a cycle that told the operators of a failing source (the queue message is gone by then).
        var alert = new OperatorAlert(OperatorAlert.SourceFailing, EnglishSource, OperatorAlertMessage, 3, DateTimeOffset.UtcNow);
        var alerts = Harness.Get<IOperatorAlertLog>();
        var recorded = await alerts.RecordAsync(new OperatorAlertRecord(OperatorAlertRecord.IdOf(alert), alert, DateTimeOffset.UtcNow, null, null), CancellationToken.None);
        await alerts.MarkMailedAsync(recorded.Id, [OperatorAlertRecipient], DateTimeOffset.UtcNow, CancellationToken.None);

        _server = await LocalWebServer.StartAsync(Harness.Options, port: 0, CancellationToken.None);
    }

    public (string Source, string Id) Statement(string title) =>
        Statements.TryGetValue(title, out var s) ? s : throw new KeyNotFoundException($"No archived statement titled '{title}': {string.Join(" | ", Statements.Keys)}");

    public Task<int> PoisonedFetchesAsync() => Harness.QueueLengthAsync(QueueNames.PoisonOf(QueueNames.Fetch));

    private async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (_harness is not null) await _harness.DisposeAsync();
    }

    /// <summary>
    /// Two cycles of <see cref="LogSource"/>: the older found 2 new and 1 changed, fetched 2 pages (one 503, one blocked)
    /// and rechecked one (not modified); the newer was not modified and fetched nothing else.
    /// </summary>
    private static List<IngestionEntry> SeedLog(DateTimeOffset start)
    {
        var site = new Uri("https://seeded.example/");
        IngestionEntry Row(int minutes, string kind, IngestionOutcome outcome, string path, int? status, int found = 1, int fresh = 0, int changed = 0, string? error = null) =>
            new(LogSource, kind, new Uri(site, path), start.AddMinutes(minutes), outcome, status, 100, found, fresh, changed, TimeSpan.FromMilliseconds(40), error);
        return
        [
            Row(0, "discover", IngestionOutcome.Ok, "news/", 200, found: 10, fresh: 2, changed: 1),
            Row(1, "page", IngestionOutcome.Ok, "news/a.html", 200),
            Row(2, "page", IngestionOutcome.HttpError, "news/b.html", 503, error: "503 Service Unavailable"),
            Row(3, "page", IngestionOutcome.Blocked, "news/c.html", 403, error: "a challenge page"),
            Row(4, "recheck", IngestionOutcome.NotModified, "news/old.html", 304),
            Row(30, "discover", IngestionOutcome.NotModified, "news/", 304, found: 0),
        ];
    }

    private static string Listing(params string[] links) =>
        "<html><body><ul>" + string.Concat(links.Select(l => $"<li><a class=\"s\" href=\"{l}\">{l}</a></li>")) + "</ul></body></html>";

    private static string Page(string title, DateTimeOffset published, params string[] paragraphs) =>
        Page(title, paragraphs).Replace("</title>", $"</title><meta property=\"article:published_time\" content=\"{published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">", StringComparison.Ordinal);

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

