using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Infrastructure.Azurite;
using MinistryMonitor.Infrastructure.Configuration;
using MinistryMonitor.Infrastructure.Hosting;
using MinistryMonitor.Infrastructure.Subscriptions;

namespace MinistryMonitor.Cli.Local;

/// <summary>
/// The pipeline hosted in this process: the same services as the Functions app, on the configured storage or,
/// by default, on an Azurite that it starts and stops itself.
/// </summary>
public sealed class LocalMonitor : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ILocalAzurite? _azurite;
    private readonly SearchIndexLock? _indexLock;

    private LocalMonitor(IHost host, ILocalAzurite? azurite, SearchIndexLock? indexLock)
    {
        _host = host;
        _azurite = azurite;
        _indexLock = indexLock;
    }

    public IServiceProvider Services => _host.Services;

    public LocalPipelineRunner Runner => _host.Services.GetRequiredService<LocalPipelineRunner>();

    public static async Task<LocalMonitor> StartAsync(LocalMonitorOptions options, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        var azurite = await ConfigureAsync(builder, options, cancellationToken);
        SearchIndexLock? indexLock = null;
        try
        {
            if (options.WritesSearchIndexAs is { } command) indexLock = SearchIndexLock.Acquire(builder.Configuration, command);
            var host = builder.Build();
            LogStorage(host.Services.GetRequiredService<ILogger<LocalMonitor>>(), azurite, options);
            await host.StartAsync(cancellationToken);
            return new LocalMonitor(host, azurite, indexLock);
        }
        catch
        {
            indexLock?.Dispose();
            if (azurite is not null) await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Says (under -v) which Azurite this command uses, and warns of what it took over from a killed owner.</summary>
    public static void LogStorage(ILogger logger, ILocalAzurite? azurite, LocalMonitorOptions options)
    {
        if (azurite is null) return;
        logger.LogInformation("Azurite runs as process {AzuritePid} under supervisor {SupervisorPid}, data {Data}{Sharing}",
            azurite.AzuriteProcessId, azurite.SupervisorProcessId, options.InMemoryStorage ? "in memory" : Path.GetFullPath(Path.Combine(options.DataDirectory, "azurite")),
            azurite is SharedAzurite shared ? (shared.StartedHere ? " (started here; other monitor commands on this folder attach to it)" : " (attached: another monitor command started it)") : "");
        if (azurite is SharedAzurite { TookOver: { } stale })
            logger.LogWarning("Took over the storage of {Data}: {Stale}", Path.GetFullPath(options.DataDirectory), stale);
    }

    /// <summary>
    /// Sets up any host (this one, or <c>monitor serve</c>'s web application) the same way: the options' files and
    /// settings, terminal logging, storage (unless configured, the data folder's shared Azurite, or one in memory; the caller lets go of it) and the
    /// pipeline's services.
    /// </summary>
    public static async Task<ILocalAzurite?> ConfigureAsync(IHostApplicationBuilder builder, LocalMonitorOptions options, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>(options.Settings);
        if (options.SourcesFile is not null) overrides["Monitor:SourcesFile"] = Path.GetFullPath(options.SourcesFile);
        if (options.TopicsFile is not null) overrides["Monitor:TopicsFile"] = Path.GetFullPath(options.TopicsFile);
        if (options.SubscriptionsFile is not null) overrides["Monitor:SubscriptionsFile"] = Path.GetFullPath(options.SubscriptionsFile);
        builder.Configuration.AddInMemoryCollection(overrides);
        // Old setting names are read as the new ones before the local defaults below look for them.
        RenamedSettings.Apply(builder.Configuration);
        if (string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]) && string.IsNullOrWhiteSpace(builder.Configuration["Smtp:PickupDirectory"]))
        {
            // No mail server configured: locally, alerts become .eml files rather than a start-up failure.
            builder.Configuration.AddInMemoryCollection([new("Smtp:PickupDirectory", Path.GetFullPath(Path.Combine(options.DataDirectory, "outbox")))]);
        }

        // The signing key lives in the data folder (links in e-mails keep working across runs); in memory with the data.
        LocalSubscriberSettings.AddDefaults(builder.Configuration,
            options.InMemoryStorage ? null : Path.GetFullPath(options.DataDirectory));

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        // Logs go to stderr, so that what a command prints (a table, --json lines) is all that stdout carries.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        // Each retry of a failing site is noise in a terminal; the ingestion log and the stage say what failed.
        builder.Logging.AddFilter("Polly", options.Verbose ? LogLevel.Warning : LogLevel.None);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        // A start-up failure reaches the command as an exception and is printed there once, readably.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        ILocalAzurite? azurite = null;
        if (!options.NeedsStorage)
        {
            // The storage clients are created lazily and never used; a well-formed connection string satisfies validation.
            builder.Configuration.AddInMemoryCollection([new("Storage:ConnectionString", "UseDevelopmentStorage=true")]);
        }
        else if (string.IsNullOrWhiteSpace(builder.Configuration["Storage:ConnectionString"]) && string.IsNullOrWhiteSpace(builder.Configuration["Storage:AccountName"]))
        {
            // A data folder has one Azurite, whichever command started it: two would each write the folder from
            // their own copy in memory and lose each other's data.
            azurite = options.InMemoryStorage
                ? await AzuriteProcess.StartAsync(null, cancellationToken)
                : await SharedAzurite.AttachAsync(options.DataDirectory, options.Verbose, cancellationToken);
            builder.Configuration.AddInMemoryCollection([new("Storage:ConnectionString", azurite.ConnectionString)]);
        }
        if (string.IsNullOrWhiteSpace(builder.Configuration["Search:IndexPath"]) && string.IsNullOrWhiteSpace(builder.Configuration["Search:Endpoint"]))
        {
            // The search index lives and dies with the archive it indexes: beside Azurite's folder, or in memory with it.
            builder.Configuration.AddInMemoryCollection(azurite is not null && options.InMemoryStorage
                ? [new("Search:InMemory", "true")]
                : [new("Search:IndexPath", Path.GetFullPath(Path.Combine(options.DataDirectory, "search")))]);
        }

        try
        {
            builder.AddMonitorServices();
            options.ConfigureServices?.Invoke(builder.Services);
            if (!options.NeedsConfigurationFiles)
            {
                foreach (var startup in builder.Services.Where(d => d.ImplementationType == typeof(ConfigurationStartupCheck) || d.ImplementationType == typeof(SubscriptionImportStartup)).ToList())
                    builder.Services.Remove(startup);
            }
            if (!options.NeedsStorage)
                builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(StorageStartup)));
            return azurite;
        }
        catch
        {
            if (azurite is not null) await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
            // After the host, whose disposal closes the index writer.
            _indexLock?.Dispose();
            if (_azurite is not null) await _azurite.DisposeAsync();
        }
    }
}
