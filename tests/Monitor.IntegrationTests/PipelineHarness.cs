using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Hosting;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// The real pipeline wired to real components: an in-memory Azurite, a Kestrel site on loopback standing in for
/// a ministry, and an SMTP server on loopback. Each test gets its own site, SMTP server and storage account (on the
/// assembly's one Azurite, <see cref="TestAzurite"/>), so queues never mix between tests.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly string _directory;

    private PipelineHarness(string directory) => _directory = directory;

    public LoopbackSite Site { get; private set; } = null!;
    public LoopbackSmtpServer Smtp { get; private set; } = null!;
    public LocalMonitor Monitor { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";
    public IServiceProvider Services => Monitor.Services;
    public LocalPipelineRunner Runner => Monitor.Runner;

    /// <summary>The configuration files and settings the pipeline runs with, for another host on the same archive (monitor serve).</summary>
    public LocalMonitorOptions Options { get; private set; } = null!;

    /// <param name="sources">Source objects for sources.json; "{{BASE}}" in their URLs becomes the loopback site's address.</param>
    public static async Task<PipelineHarness> StartAsync(
        object[] sources,
        object[] topics,
        object[] subscribers,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<LoopbackSite>? beforeStart = null)
    {
        var harness = new PipelineHarness(Directory.CreateTempSubdirectory("monitor-test-").FullName);
        try
        {
            await harness.InitializeAsync(sources, topics, subscribers, settings, beforeStart);
            return harness;
        }
        catch
        {
            // A start that fails (a test of a bad configuration file) must not leave its site or SMTP server running.
            await harness.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(
        object[] sources,
        object[] topics,
        object[] subscribers,
        IReadOnlyDictionary<string, string?>? settings,
        Action<LoopbackSite>? beforeStart)
    {
        var harness = this;
        harness.ConnectionString = await TestAzurite.NewAccountAsync();
        harness.Site = await LoopbackSite.StartAsync();
        harness.Smtp = await LoopbackSmtpServer.StartAsync();
        beforeStart?.Invoke(harness.Site);

        var files = harness.WriteFiles(sources, topics, subscribers);
        var all = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = harness.ConnectionString,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = harness.Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["LocalRunner:RetryDelaySeconds"] = "0.05",
            ["Fetch:MaxRetries"] = "1",
            ["Fetch:AttemptTimeoutSeconds"] = "10",
            // The sites are on loopback, which the SSRF guard refuses by default; and no need to be gentle with them.
            ["Fetch:AllowPrivateNetworks"] = "true",
            ["Fetch:MinDelayMilliseconds"] = "0",
            ["Search:IndexPath"] = Path.Combine(harness._directory, "search"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        harness.Options = new LocalMonitorOptions
        {
            SourcesFile = files.Sources,
            TopicsFile = files.Topics,
            SubscriptionsFile = files.Subscriptions,
            Settings = all,
        };
        harness.Monitor = await LocalMonitor.StartAsync(harness.Options, CancellationToken.None);
    }

    public Task<CycleSummary> RunCycleAsync() => Runner.RunCycleAsync(allSources: true, CancellationToken.None);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<List<StatementRecord>> StatementsAsync() =>
        await Get<IStatementIndex>().ListAsync(null, CancellationToken.None).ToListAsync();

    public async Task<string?> ReadArchiveAsync(string path) =>
        (await Get<IBlobStore>().ReadAsync(BlobArea.Statements, path, CancellationToken.None))?.ToString();

    /// <summary>Every blob in the statements archive.</summary>
    public async Task<List<string>> ArchiveBlobsAsync() =>
        await Get<BlobStore>().ListAsync(BlobArea.Statements, null, CancellationToken.None).ToListAsync();

    public async Task<IReadOnlyList<AlertMessage>> AlertsAsync() => await Get<IAlertLedger>().ReadRecentAsync(10_000, CancellationToken.None);

    public async Task<IReadOnlyList<IngestionEntry>> LogAsync() => await Get<IIngestionLog>().ReadRecentAsync(10_000, CancellationToken.None);

    /// <summary>A client on the same Azurite that the pipeline does not consume from: for peeking at or feeding queues.</summary>
    public QueueClient Queue(string name) =>
        new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task<int> QueueLengthAsync(string name)
    {
        QueueProperties properties = await Queue(name).GetPropertiesAsync();
        return properties.ApproximateMessagesCount;
    }

    public Task DispatchAsync<T>(string queue, T message) =>
        Get<PipelineDispatcher>().DispatchAsync(queue, PipelineJson.Serialize(message), CancellationToken.None);

    private (string Sources, string Topics, string Subscriptions) WriteFiles(object[] sources, object[] topics, object[] subscribers)
    {
        var baseUrl = Site.BaseUrl.AbsoluteUri;
        string Write(string name, object content)
        {
            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, JsonSerializer.Serialize(content).Replace("{{BASE}}", baseUrl, StringComparison.Ordinal));
            return path;
        }
        return (Write("sources.json", new { sources }), Write("topics.json", new { topics }), Write("subscriptions.json", new { subscribers }));
    }

    public async ValueTask DisposeAsync()
    {
        if (Monitor is not null) await Monitor.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
        if (Site is not null) await Site.DisposeAsync();
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
