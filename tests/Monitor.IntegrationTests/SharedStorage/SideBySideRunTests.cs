using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Core.Tests;
using Xunit.Abstractions;

namespace MinistryMonitor.IntegrationTests.SharedStorage;

/// <summary>
/// The issue's check: <c>serve</c> beside three <c>run --once</c> over real State Department feed snapshots, restarted
/// between them and taking a subscription through its web door after each, leaves the same archive, log and alert
/// e-mails as the three runs alone; then a subscriber added while <c>serve</c> is up gets nothing for statements
/// archived before. Two Azurites on one folder kept 20 statements of 30.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SideBySideRunTests(ITestOutputHelper output)
{
    private const string FeedPath = "rss-feed/press-releases/feed/";
    private const string LateSubscriber = "late@example.org";
    private static readonly int[] SnapshotNumbers = [13, 15, 17];

    [Fact]
    public async Task RunOnceThreeTimes_ServeBesideRestartedBetween_SameStatementsLogAndEmailsAsRunsAloneNoneTwice()
    {
        // The two replays share nothing (each has its own site, SMTP server and data folder), so they run at once.
        var replays = await Task.WhenAll(ReplayAsync(withServe: false), ReplayAsync(withServe: true));
        var (alone, beside) = (replays[0], replays[1]);

        output.WriteLine($"alone: {alone.Statements.Count} statements, {alone.Log.Count} log rows, {alone.Mails.Count} e-mails");
        output.WriteLine($"beside serve: {beside.Statements.Count} statements, {beside.Log.Count} log rows, {beside.Mails.Count} e-mails ({beside.Mails.Distinct().Count()} distinct)");
        Assert.NotEmpty(alone.Mails);
        Assert.Equal(alone.Statements, beside.Statements);
        Assert.Equal(alone.Log, beside.Log);
        Assert.Equal(alone.Mails, beside.Mails);
        Assert.Equal(beside.Mails.Count, beside.Mails.Distinct().Count());
        Assert.DoesNotContain(beside.Recipients, r => r == LateSubscriber);
    }

    private sealed record Outcome(List<string> Statements, List<string> Log, List<string> Mails, List<string> Recipients);

    private async Task<Outcome> ReplayAsync(bool withServe)
    {
        await using var site = await LoopbackSite.StartAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        using var folder = new DataFolder(site.UrlOf(FeedPath).AbsoluteUri, new Dictionary<string, string>
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
        });
        File.WriteAllText(Path.Combine(folder.Directory, "sources.json"), JsonSerializer.Serialize(new { sources = new[] { TestData.FeedSource("us-state-press", FeedPath) } })
            .Replace("{{BASE}}", site.BaseUrl.AbsoluteUri, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder.Directory, "topics.json"), JsonSerializer.Serialize(new { topics = new[] { TestData.Topic("secretary", "Secretary Blinken") } }));
        File.WriteAllText(Path.Combine(folder.Directory, "subscriptions.json"), JsonSerializer.Serialize(new { subscribers = new[] { TestData.Subscriber("desk@example.org", "secretary") } }));

        var serve = withServe ? await StartServeAsync(folder) : null;
        for (var i = 0; i < SnapshotNumbers.Length; i++)
        {
            site.Set(FeedPath, SharedData.ReadFeedSnapshot(SharedData.FeedSnapshots()[SnapshotNumbers[i] - 1]), "application/rss+xml; charset=UTF-8");
            await RunToTheEndAsync(folder, "run", "--once");
            if (serve is null) continue;
            // serve writes too: a reader subscribes (pending until confirmed, so never alerted).
            using (var client = new HttpClient { BaseAddress = serve.Value.Address })
            {
                var subscribed = await client.PostAsJsonAsync("api/subscriptions", new { address = $"reader{i}@example.org", topics = new[] { "secretary" } });
                Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
            }
            if (i < SnapshotNumbers.Length - 1)
            {
                await DataFolder.StopAsync(serve.Value.Process);
                serve = await StartServeAsync(folder);
            }
        }
        // A subscriber added afterwards (beside serve, a third command on the folder) hears only of what is new.
        await RunToTheEndAsync(folder, "subscribers", "add", LateSubscriber, "--topic", "secretary");
        await RunToTheEndAsync(folder, "run", "--once");
        if (serve is not null) await DataFolder.StopAsync(serve.Value.Process);

        var statements = Lines(await RunToTheEndAsync(folder, "statements", "--json", "--limit", "1000"))
            .Select(s => $"{s.GetProperty("sourceId")}/{s.GetProperty("statementId")} v{s.GetProperty("version")} {s.GetProperty("title")}").Order(StringComparer.Ordinal).ToList();
        var log = Lines(await RunToTheEndAsync(folder, "log", "--json", "--limit", "1000"))
            .Select(e => $"{e.GetProperty("sourceId")} {e.GetProperty("kind")} {new Uri(e.GetProperty("url").GetString()!).PathAndQuery} {e.GetProperty("outcome")} {e.GetProperty("itemsFound")}/{e.GetProperty("itemsNew")}/{e.GetProperty("itemsChanged")}")
            .Order(StringComparer.Ordinal).ToList();
        var alerts = smtp.Messages.Where(m => !m.To.Mailboxes.Any(r => r.Address.StartsWith("reader", StringComparison.Ordinal))).ToList();
        var mails = alerts.Select(m => m.MessageId ?? "(none)").Order(StringComparer.Ordinal).ToList();
        var recipients = alerts.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).Distinct().ToList();
        // Each reader got one confirmation e-mail, and nothing else.
        Assert.Equal(withServe ? SnapshotNumbers.Length : 0, smtp.Messages.Count - alerts.Count);
        return new Outcome(statements, log, mails, recipients);
    }

    private static async Task<(MonitorProcess Process, Uri Address)?> StartServeAsync(DataFolder folder)
    {
        var serve = folder.StartServe();
        var line = await serve.WaitForLineAsync("Serving ", TimeSpan.FromMinutes(2));
        return (serve, new Uri(line.Split(' ')[1]));
    }

    private static async Task<string> RunToTheEndAsync(DataFolder folder, params string[] args)
    {
        var (code, text) = await folder.RunAsync(args);
        Assert.True(code == 0, $"monitor {string.Join(' ', args)} exited with {code}: {text}");
        return text;
    }

    private static IEnumerable<JsonElement> Lines(string text) =>
        text.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement);
}
