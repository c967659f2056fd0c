using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests;
using MinistryMonitor.Infrastructure.Azurite;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Storage;
using Xunit.Abstractions;

namespace MinistryMonitor.IntegrationTests.Crashes;

/// <summary>
/// The built <c>monitor run --once</c>, killed with SIGKILL at seeded random moments while it replays real State
/// Department feed snapshots (several kills per snapshot, then a run left to finish): no e-mail twice, no statement
/// lost, nothing poisoned. The test runs Azurite itself
/// and points the command at it, so a killed command leaves no Azurite behind and storage outlives it, as on Azure.
/// </summary>
[Trait("Category", "Slow")]
public sealed class KilledProcessTests(ITestOutputHelper output)
{
    private const string FeedPath = "rss-feed/press-releases/feed/";
    private const int Seed = 9;
    private const int KillsPerSnapshot = 3;
    private static readonly int[] SnapshotNumbers = [13, 15, 17, 18];
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    [Fact]
    public async Task RunOnce_KilledAtRandomMomentsThenRunToTheEnd_NoEmailTwiceNoStatementLost()
    {
        await using var azurite = await AzuriteProcess.StartAsync(null, CancellationToken.None);
        await using var site = await LoopbackSite.StartAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("monitor-kill-").FullName;
        var environment = WriteConfiguration(directory, site, smtp, azurite.ConnectionString);
        var random = new Random(Seed);
        var snapshots = SnapshotNumbers.Select(n => SharedData.ReadFeedSnapshot(SharedData.FeedSnapshots()[n - 1])).ToList();

        var ledgerClients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), []);
        // The first run may die before it creates its storage.
        await ledgerClients.Table(StorageClients.TableNames.Once).CreateIfNotExistsAsync();
        var ledger = new TableOnceLedger(ledgerClients, TimeProvider.System);
        var work = TimeSpan.FromSeconds(2);
        var kills = 0;
        var killsInTheWindow = 0;
        var finishedBeforeKill = 0;
        foreach (var snapshot in snapshots)
        {
            site.Set(FeedPath, snapshot, "application/rss+xml; charset=UTF-8");
            for (var i = 0; i < KillsPerSnapshot; i++)
            {
                // A seeded moment of the work, which starts when the run reads the feed and lasted `work` last time.
                var (killed, _) = await RunAsync(directory, environment, site, work * random.NextDouble());
                if (!killed)
                {
                    finishedBeforeKill++;
                    continue;
                }
                kills++;
                killsInTheWindow += await AcceptedButNotRecordedAsync(ledger, smtp);
            }
            // Then a run that is left to finish, before the feed moves on and older items drop out of it: whatever
            // the killed runs left half done (leased messages, claims) it must complete, once.
            (_, work) = await RunAsync(directory, environment, site, killAfterFeedRead: null);
        }

        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), []);
        var statements = await new TableStatementIndex(clients).ListAsync(null, CancellationToken.None).ToListAsync();
        var blobs = new BlobStore(clients);
        var latest = snapshots.SelectMany(Items).GroupBy(i => i.Guid).ToDictionary(g => g.Key, g => g.Last().Content);
        var lost = latest.Keys.Except(statements.Select(s => s.ItemKey)).ToList();
        foreach (var statement in statements)
        {
            var html = await blobs.ReadAsync(BlobArea.Statements, statement.VersionPath(statement.Version, "html"), CancellationToken.None);
            // Edits that only change markup (a link added) are not new versions, so the texts are compared.
            if (html is null || PlainText(html.ToString()) != PlainText(latest[statement.ItemKey]) || statement.DetectedVersion != statement.Version)
                lost.Add(statement.ItemKey + " (latest version)");
        }
        var alerts = await new TableAlertLedger(clients, new MonthDirectory()).ReadRecentAsync(10_000, CancellationToken.None);
        var mails = smtp.Messages.Select(m => m.MessageId).ToList();
        var duplicates = mails.GroupBy(m => m).Count(g => g.Count() > 1);
        var poisoned = 0;
        foreach (var queue in MinistryMonitor.Core.Messages.QueueNames.Pipeline)
        {
            var properties = await clients.Queues.GetQueueClient(MinistryMonitor.Core.Messages.QueueNames.PoisonOf(queue)).GetPropertiesAsync();
            poisoned += properties.Value.ApproximateMessagesCount;
        }

        output.WriteLine($"seed {Seed}: {snapshots.Count} snapshots, {kills} SIGKILLs after the feed was read ({finishedBeforeKill} runs finished before their kill time), each snapshot then run to the end");
        output.WriteLine($"statements {statements.Count} of {latest.Count} (lost or stale: {lost.Count}); alerts {alerts.Count}; e-mails {mails.Count}, distinct {mails.Distinct().Count()}, sent twice {duplicates} (e-mails a kill left accepted by the server but not recorded: {killsInTheWindow}); poisoned {poisoned}");
        Assert.True(kills >= SnapshotNumbers.Length, $"only {kills} runs were killed; the kill times miss the work");
        Assert.Empty(lost);
        // A duplicate only where a kill fell in the documented window, between the server's acceptance and the claim's completion.
        Assert.True(duplicates <= killsInTheWindow, $"{duplicates} e-mails sent twice, only {killsInTheWindow} explained by kills in the window");
        Assert.Equal(0, poisoned);
        Assert.NotEmpty(alerts);
        // Every alert reached every subscriber of its topic (one each here).
        Assert.Equal(alerts.Count, mails.Distinct().Count());
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>The built command; MONITOR_CLI_DLL points at another build (to measure another version of the code).</summary>
    private static string MonitorDll =>
        Environment.GetEnvironmentVariable("MONITOR_CLI_DLL") is { Length: > 0 } other ? other : Path.Combine(AppContext.BaseDirectory, "monitor.dll");

    /// <summary>E-mails the SMTP server holds whose claim a killed run left pending: the kill fell in the window.</summary>
    private static async Task<int> AcceptedButNotRecordedAsync(TableOnceLedger ledger, LoopbackSmtpServer smtp)
    {
        var received = smtp.Messages.Select(m => m.MessageId).ToHashSet();
        var inWindow = 0;
        await foreach (var claim in ledger.ListAsync(DeliverStage.MailScope, CancellationToken.None))
        {
            var slash = claim.Key.Id.IndexOf('/', StringComparison.Ordinal);
            var messageId = AlertEmailComposer.MessageIdFor(claim.Key.Id[..slash], claim.Key.Id[(slash + 1)..], MessageIds.Domain);
            if (claim.State == OnceState.Pending && received.Contains(messageId)) inWindow++;
        }
        return inWindow;
    }

    /// <summary>
    /// Runs <c>monitor run --once</c>, and kills it with SIGKILL <paramref name="killAfterFeedRead"/> after it has read
    /// the feed (null: lets it finish). Returns whether it was killed, and how long it worked after reading the feed.
    /// </summary>
    private static async Task<(bool Killed, TimeSpan Work)> RunAsync(string directory, IReadOnlyDictionary<string, string> environment, LoopbackSite site, TimeSpan? killAfterFeedRead)
    {
        var psi = new ProcessStartInfo("dotnet", [MonitorDll, "run", "--once"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        var feedReads = site.HitsOf(FeedPath);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            var exited = process.WaitForExitAsync(limit.Token);
            while (site.HitsOf(FeedPath) == feedReads && !exited.IsCompleted) await Task.Delay(10, limit.Token);
            var working = Stopwatch.StartNew();
            if (killAfterFeedRead is { } delay && !exited.IsCompleted && await Task.WhenAny(exited, Task.Delay(delay, limit.Token)) != exited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                return (true, working.Elapsed);
            }
            await exited;
            Assert.True(process.ExitCode == 0, $"monitor run --once exited with {process.ExitCode}: {await stdout}{await stderr}");
            return (false, working.Elapsed);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            // What it was doing (its log) is the only clue to why; the process is ended first so its output completes.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var log = (await stdout + await stderr).Split('\n');
            throw new TimeoutException($"monitor run --once did not finish in 3 minutes; the end of its output:\n{string.Join('\n', log.TakeLast(60))}");
        }
        finally
        {
            // No process outlives the test, whatever failed.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static Dictionary<string, string> WriteConfiguration(string directory, LoopbackSite site, LoopbackSmtpServer smtp, string connectionString)
    {
        File.WriteAllText(Path.Combine(directory, "sources.json"), JsonSerializer.Serialize(new { sources = new[] { TestData.FeedSource("us-state-press", FeedPath) } })
            .Replace("{{BASE}}", site.BaseUrl.AbsoluteUri, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "topics.json"), JsonSerializer.Serialize(new { topics = new[] { TestData.Topic("secretary", "Secretary Blinken") } }));
        File.WriteAllText(Path.Combine(directory, "subscriptions.json"), JsonSerializer.Serialize(new { subscribers = new[] { TestData.Subscriber("desk@example.org", "secretary") } }));
        return new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = connectionString,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            // The ministry is a loopback site, which fetching refuses unless told otherwise.
            ["Fetch__AllowPrivateNetworks"] = "true",
            // What a killed run held comes back within seconds rather than the default five minutes.
            ["LocalRunner__MessageLeaseSeconds"] = "2",
            // The replayed feed is served on loopback, which the SSRF guard refuses by default.
            ["Fetch__AllowPrivateNetworks"] = "true",
            ["Fetch__MinDelayMilliseconds"] = "0",
            ["LocalRunner__ClaimLeaseSeconds"] = "1",
            ["LocalRunner__RetryDelaySeconds"] = "0.2",
            // Every killed run that held a message counted as an attempt: the doubling must not outgrow the test.
            ["LocalRunner__MaxRetryDelaySeconds"] = "3",
            ["LocalRunner__MaxDequeueCount"] = "20",
        };
    }

    private static string PlainText(string html)
    {
        var inlineTagsGone = System.Text.RegularExpressions.Regex.Replace(html, @"</?(a|span|strong|em|b|i|abbr|sup|sub)\b[^>]*>", string.Empty);
        var blocksAsSpaces = System.Text.RegularExpressions.Regex.Replace(inlineTagsGone, "<[^>]+>", " ");
        return System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(blocksAsSpaces), @"\s+", " ").Trim();
    }

    private static IEnumerable<(string Guid, string Content)> Items(byte[] snapshot) =>
        XDocument.Parse(Encoding.UTF8.GetString(snapshot)).Descendants("item")
            .Select(i => ((string)i.Element("guid")!, (string?)i.Element(Content + "encoded") ?? string.Empty));
}
