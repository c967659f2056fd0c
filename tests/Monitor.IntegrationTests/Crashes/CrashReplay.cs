using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests;

namespace MinistryMonitor.IntegrationTests.Crashes;

/// <summary>
/// A replay of real State Department feed snapshots through the pipeline, run once per crash point on one storage account:
/// each run has its own tables and containers (a prefix per run) and starts with empty queues, so runs never see
/// each other's state and no account has to be made per run.
/// </summary>
public sealed class CrashReplay : IAsyncDisposable
{
    private const string FeedPath = "rss-feed/press-releases/feed/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    private readonly string _directory = Directory.CreateTempSubdirectory("monitor-crash-").FullName;
    private string _storage = null!;
    private LoopbackSite _site = null!;
    private LoopbackSmtpServer _smtp = null!;
    private (string Sources, string Topics, string Subscriptions) _files;

    private CrashReplay(IReadOnlyList<byte[]> snapshots) => Snapshots = snapshots;

    public IReadOnlyList<byte[]> Snapshots { get; }

    /// <param name="snapshotNumbers">Which snapshots of ../shared, in order (one cycle each).</param>
    /// <param name="guidEndings">Keep only the feed items whose guid ends with one of these (null keeps all): fewer items, fewer crash points.</param>
    public static async Task<CrashReplay> StartAsync(IReadOnlyList<int> snapshotNumbers, IReadOnlyCollection<string>? guidEndings)
    {
        var all = SharedData.FeedSnapshots();
        var replay = new CrashReplay(snapshotNumbers.Select(n => Trim(SharedData.ReadFeedSnapshot(all[n - 1]), guidEndings)).ToArray());
        replay._storage = await TestAzurite.NewAccountAsync();
        replay._site = await LoopbackSite.StartAsync();
        replay._smtp = await LoopbackSmtpServer.StartAsync();
        replay._files = replay.WriteFiles();
        return replay;
    }

    /// <summary>
    /// Runs the whole replay with a host that dies at its <paramref name="killAt"/>-th side effect (never, if null),
    /// then, as an operator would, starts a fresh host on the same storage that resumes the cycle the first one died in
    /// and goes on to the end. Returns what ended up stored and mailed.
    /// </summary>
    public async Task<RunResult> RunAsync(int run, int? killAt)
    {
        await ClearQueuesAsync();
        var settings = Settings(run);
        var mailBefore = _smtp.Messages.Count;
        var crash = new CrashSwitch(killAt);
        var cycle = 0;
        var first = await CrashHost.StartAsync(settings, crash);
        await using (first)
        {
            for (; cycle < Snapshots.Count; cycle++)
            {
                _site.Set(FeedPath, Snapshots[cycle], "application/rss+xml; charset=UTF-8");
                try
                {
                    await first.RunCycleAsync();
                }
                catch (OperationCanceledException) when (crash.Dead)
                {
                    break;
                }
            }
            if (!crash.Dead) return await ReadResultAsync(first, crash, null, mailBefore);
        }

        await using var fresh = await CrashHost.StartAsync(settings, new CrashSwitch(null));
        for (; cycle < Snapshots.Count; cycle++)
        {
            _site.Set(FeedPath, Snapshots[cycle], "application/rss+xml; charset=UTF-8");
            await fresh.RunCycleAsync();
        }
        return await ReadResultAsync(fresh, crash, fresh.Crash, mailBefore);
    }

    private async Task<RunResult> ReadResultAsync(CrashHost host, CrashSwitch first, CrashSwitch? resumed, int mailBefore)
    {
        var statements = await host.Services.GetRequiredService<IStatementIndex>().ListAsync(null, CancellationToken.None)
            .ToDictionaryAsync(s => s.ItemKey, s => s.Version);
        var alerts = (await host.Services.GetRequiredService<IAlertLedger>().ReadRecentAsync(10_000, CancellationToken.None)).Select(a => a.AlertId).ToList();
        var mails = _smtp.Messages.Skip(mailBefore).Select(m => m.MessageId ?? "(none)").ToList();
        var poisoned = 0;
        foreach (var queue in QueueNames.Pipeline)
        {
            QueueProperties properties = await Queue(QueueNames.PoisonOf(queue)).GetPropertiesAsync();
            poisoned += properties.ApproximateMessagesCount;
        }
        // Alert messages sent: by the first host before it died (the effect it died at did not happen), then by the fresh one.
        var firstEffects = first.Dead ? first.Effects.Take(first.Effects.Count - 1) : first.Effects;
        var alertMessages = firstEffects.Concat(resumed?.Effects ?? []).Count(e => e == $"queue {QueueNames.Alerts}");
        return new RunResult(first.DiedAt, first.Effects, statements, alerts, mails, alertMessages, poisoned);
    }

    private Dictionary<string, string?> Settings(int run)
    {
        var tag = run.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string?>
        {
            ["Monitor:SourcesFile"] = _files.Sources,
            ["Monitor:TopicsFile"] = _files.Topics,
            ["Monitor:SubscriptionsFile"] = _files.Subscriptions,
            ["Storage:ConnectionString"] = _storage,
            ["Storage:TablePrefix"] = "Run" + tag,
            ["Storage:ArchiveContainer"] = "archive-" + tag,
            ["Storage:FeedContainer"] = "feeds-" + tag,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            // One message at a time, so the k-th side effect is the same one in every run: the test is deterministic.
            ["LocalRunner:BatchSize"] = "1",
            ["LocalRunner:Concurrency"] = "1",
            // What a dead host held comes back after a second (Azure Storage counts visibility in whole seconds).
            ["LocalRunner:MessageLeaseSeconds"] = "1",
            ["LocalRunner:ClaimLeaseSeconds"] = "1",
            ["LocalRunner:RetryDelaySeconds"] = "0.2",
            ["LocalRunner:MaxDequeueCount"] = "20",
            ["Fetch:MaxRetries"] = "1",
            ["Fetch:AttemptTimeoutSeconds"] = "10",
            // The replayed feed is served on loopback, which the SSRF guard refuses by default.
            ["Fetch:AllowPrivateNetworks"] = "true",
            ["Fetch:MinDelayMilliseconds"] = "0",
            ["Links:SigningKey"] = "crash-test-signing-key-0123456789",
            ["Web:PublicBaseUrl"] = "https://monitor.example",
            ["Search:InMemory"] = "true",
        };
    }

    private async Task ClearQueuesAsync()
    {
        foreach (var queue in QueueNames.Pipeline.Append(QueueNames.OperatorAlerts))
        {
            foreach (var name in new[] { queue, QueueNames.PoisonOf(queue) })
            {
                var client = Queue(name);
                await client.CreateIfNotExistsAsync();
                await client.ClearMessagesAsync();
            }
        }
    }

    private QueueClient Queue(string name) => new(_storage, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private (string Sources, string Topics, string Subscriptions) WriteFiles()
    {
        string Write(string name, object content)
        {
            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, JsonSerializer.Serialize(content).Replace("{{BASE}}", _site.BaseUrl.AbsoluteUri, StringComparison.Ordinal));
            return path;
        }
        return (
            Write("sources.json", new { sources = new[] { TestData.FeedSource("us-state-press", FeedPath) } }),
            Write("topics.json", new { topics = new[] { TestData.Topic("gaza", "Gaza"), TestData.Topic("iran", "Iran"), TestData.Topic("yemen", "Yemen") } }),
            Write("subscriptions.json", new
            {
                subscribers = new[]
                {
                    TestData.Subscriber("analyst@example.org", "gaza", "iran"),
                    TestData.Subscriber("gulf@example.org", "yemen"),
                },
            }));
    }

    private static byte[] Trim(byte[] snapshot, IReadOnlyCollection<string>? guidEndings)
    {
        if (guidEndings is null) return snapshot;
        var feed = XDocument.Parse(Encoding.UTF8.GetString(snapshot));
        feed.Descendants("item").Where(i => !guidEndings.Any(g => ((string?)i.Element("guid") ?? "").EndsWith(g, StringComparison.Ordinal))).Remove();
        if (!feed.Descendants("item").Any(i => i.Element(Content + "encoded") is not null))
            throw new InvalidOperationException("The trimmed snapshot kept no item with its full text.");
        return Encoding.UTF8.GetBytes(feed.Declaration + "\n" + feed.ToString(SaveOptions.DisableFormatting));
    }

    public async ValueTask DisposeAsync()
    {
        if (_smtp is not null) await _smtp.DisposeAsync();
        if (_site is not null) await _site.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>What one run left behind.</summary>
/// <param name="DiedAt">The side effect the first host died before, or null if it never died.</param>
/// <param name="Effects">The side effects the first host attempted, in order.</param>
/// <param name="Statements">Item key to latest version.</param>
/// <param name="Mails">The Message-Id of every e-mail the SMTP server accepted, duplicates included.</param>
/// <param name="AlertMessages">How many alert messages were put on the <c>alerts</c> queue.</param>
public sealed record RunResult(
    string? DiedAt,
    IReadOnlyList<string> Effects,
    IReadOnlyDictionary<string, int> Statements,
    IReadOnlyList<string> Alerts,
    IReadOnlyList<string> Mails,
    int AlertMessages,
    int Poisoned);
