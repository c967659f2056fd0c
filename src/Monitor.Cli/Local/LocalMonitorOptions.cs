namespace MinistryMonitor.Cli.Local;

/// <summary>How to start the pipeline in this process.</summary>
public sealed record LocalMonitorOptions
{
    public string? SourcesFile { get; init; }
    public string? TopicsFile { get; init; }
    public string? SubscriptionsFile { get; init; }

    /// <summary>What <c>--data</c> sets for every command: the default of <see cref="DataDirectory"/>.</summary>
    public static string DefaultDataDirectory { get; set; } = ".monitor";

    /// <summary>The local data: Azurite's files in <c>azurite/</c>, e-mails without an SMTP server in <c>outbox/</c>.</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>Keeps the embedded Azurite's data in memory rather than under <see cref="DataDirectory"/>. Ignored when storage is configured.</summary>
    public bool InMemoryStorage { get; init; }

    /// <summary>Settings that override appsettings.json and the environment (e.g. "Smtp:Host").</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public bool Verbose { get; init; }

    /// <summary>Adds to the services after the pipeline's own (the pipeline benchmark adds a storage call counter).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>False for commands that only read storage (log, archive): they need no sources or topics file.</summary>
    public bool NeedsConfigurationFiles { get; init; } = true;

    /// <summary>
    /// Set by the commands that write the search index (<c>run</c>, <c>reindex</c>): one of them at a time per index
    /// (<see cref="SearchIndexLock"/>); its name goes into the message the second one prints.
    /// </summary>
    public string? WritesSearchIndexAs { get; init; }

    /// <summary>False for commands that only fetch (check-source): no Azurite is started and nothing is created in storage.</summary>
    public bool NeedsStorage { get; init; } = true;
}
