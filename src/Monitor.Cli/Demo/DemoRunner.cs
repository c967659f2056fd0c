using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Cli.Output;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Cli.Demo;

/// <summary>
/// <c>monitor demo</c>: the whole pipeline, offline. Serves the sample ministry site on loopback, runs three cycles
/// (the second with an edited and a new statement, the third with nothing new) on an in-memory Azurite, delivers
/// e-mails to a loopback SMTP server, and prints what landed where.
/// </summary>
public sealed class DemoRunner(TextWriter output, string workDirectory)
{
    public async Task<DemoResult> RunAsync(bool verbose, CancellationToken cancellationToken)
    {
        if (Directory.Exists(workDirectory)) Directory.Delete(workDirectory, recursive: true);
        var configDirectory = Directory.CreateDirectory(Path.Combine(workDirectory, "config")).FullName;
        var mailDirectory = Path.Combine(workDirectory, "mail");

        await using var site = await LoopbackSite.StartAsync();
        var demoSite = new DemoSite(site);
        demoSite.ServeCycle(1);
        await using var smtp = await LoopbackSmtpServer.StartAsync(mailDirectory);
        var files = WriteConfiguration(configDirectory, demoSite);

        output.WriteLine($"Sample ministry site: {site.BaseUrl}  (feed {demoSite.FeedUrl}, listing {demoSite.ListingUrl})");
        output.WriteLine($"SMTP server: 127.0.0.1:{smtp.Port}, e-mails also saved to {Path.GetFullPath(mailDirectory)}");
        output.WriteLine("Starting Azurite (in memory) and the pipeline…");

        await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions
        {
            SourcesFile = files.Sources,
            TopicsFile = files.Topics,
            SubscriptionsFile = files.Subscriptions,
            InMemoryStorage = true,
            Verbose = verbose,
            Settings = new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["LocalRunner:RetryDelaySeconds"] = "0.2",
                // The sample site is on loopback, which the SSRF guard refuses by default.
                ["Fetch:AllowPrivateNetworks"] = "true",
                ["Fetch:MinDelayMilliseconds"] = "100",
            },
        }, cancellationToken);

        var result = new DemoResult();
        string[] titles = ["Cycle 1: first visit", "Cycle 2: one statement edited, one new statement", "Cycle 3: nothing changed (every stage is idempotent)"];
        for (var cycle = 1; cycle <= 3; cycle++)
        {
            demoSite.ServeCycle(cycle);
            var started = monitor.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var mailBefore = smtp.Messages.Count;
            await LiveProgress.RunAsync(output, $"Cycle {cycle}", progress => monitor.Runner.RunCycleAsync(allSources: true, cancellationToken, progress));
            result.Cycles.Add(await ReportCycleAsync(titles[cycle - 1], monitor.Services, started, smtp, mailBefore, cancellationToken));
        }

        output.WriteLine();
        output.WriteLine($"Done. The archive was in an in-memory Azurite; the e-mails are in {Path.GetFullPath(mailDirectory)}.");
        output.WriteLine("To watch real ministries: monitor run --sources src/Monitor.Functions/config/sources.json --topics src/Monitor.Functions/config/topics.json --subscriptions src/Monitor.Functions/config/subscriptions.json --once");
        return result;
    }

    private async Task<CycleReport> ReportCycleAsync(string title, IServiceProvider services, DateTimeOffset started, LoopbackSmtpServer smtp, int mailBefore, CancellationToken cancellationToken)
    {
        var log = (await services.GetRequiredService<IIngestionLog>().ReadRecentAsync(200, cancellationToken)).Where(e => e.StartedAt >= started).ToList();
        var statements = (await services.GetRequiredService<IArchiveCatalog>().ListStatementsAsync(new StatementQuery { PageSize = Paging.MaxPageSize }, cancellationToken)).Items
            .Where(s => s.LastChanged >= started).OrderBy(s => s.SourceId).ThenBy(s => s.Published).ToList();
        var alerts = (await services.GetRequiredService<IAlertLedger>().ReadRecentAsync(200, cancellationToken)).Where(a => a.RaisedAt >= started).ToList();
        var mails = smtp.Messages.Skip(mailBefore).ToList();

        output.WriteLine();
        output.WriteLine($"=== {title} ===");
        output.WriteLine("Ingestion log:");
        Reports.IngestionLog(output, log, json: false);
        output.WriteLine();
        output.WriteLine("Statements archived (blob paths in container 'archive'):");
        Reports.Statements(output, statements, json: false);
        output.WriteLine();
        output.WriteLine("Alerts raised (queue 'alerts'):");
        Reports.Alerts(output, alerts, json: false);
        output.WriteLine();
        output.WriteLine("E-mails delivered:");
        ConsoleTable.Write(output, ["to", "subject"], mails.Select(m => (IReadOnlyList<string?>)[m.To.ToString(), m.Subject]), maxCellWidth: 100);
        return new CycleReport(log.Count, statements.Count, alerts.Select(a => a.TopicId + "@" + a.SourceId).ToList(), mails.Select(m => m.Subject ?? string.Empty).ToList());
    }

    private static (string Sources, string Topics, string Subscriptions) WriteConfiguration(string directory, DemoSite site)
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        var sources = Path.Combine(directory, "sources.json");
        File.WriteAllText(sources, JsonSerializer.Serialize(new
        {
            sources = new object[]
            {
                new { id = "demo-press", name = "Demo MFA: press releases", language = "en", feed = site.FeedUrl.AbsoluteUri },
                new
                {
                    id = "demo-ru-news", name = "Demo MFA: news (Russian)", language = "ru",
                    listing = new { url = site.ListingUrl.AbsoluteUri, links = "a.news-link" },
                    selectors = new { title = "h1", date = ".date", body = ".news-content" },
                },
            },
        }, options));

        var topics = Path.Combine(directory, "topics.json");
        File.WriteAllText(topics, JsonSerializer.Serialize(new
        {
            topics = new object[]
            {
                new { id = "lachin-corridor", name = "Lachin corridor", terms = new[] { "Lachin corridor", "Лачинский коридор", "Laçın dəhlizi" } },
                new { id = "nagorno-karabakh", name = "Nagorno-Karabakh", terms = new[] { "Nagorno-Karabakh", "Нагорный Карабах" } },
                new { id = "peace-treaty", name = "Peace treaty", terms = new[] { "peace treaty", "мирный договор" } },
                new { id = "border-delimitation", name = "Border delimitation", terms = new[] { "border delimitation", "делимитация границы" } },
            },
        }, options));

        var subscriptions = Path.Combine(directory, "subscriptions.json");
        File.WriteAllText(subscriptions, JsonSerializer.Serialize(new
        {
            subscribers = new object[]
            {
                new { email = "analyst@example.org", name = "Caucasus analyst", topics = new[] { "lachin-corridor", "nagorno-karabakh", "peace-treaty", "border-delimitation" } },
                new { email = "editor@example.org", name = "News editor", topics = new[] { "lachin-corridor" } },
            },
        }, options));
        return (sources, topics, subscriptions);
    }
}

/// <summary>What the demo did, cycle by cycle (tests assert on it).</summary>
public sealed class DemoResult
{
    public List<CycleReport> Cycles { get; } = [];
}

public sealed record CycleReport(int Fetches, int StatementsArchived, IReadOnlyList<string> Alerts, IReadOnlyList<string> Emails);
