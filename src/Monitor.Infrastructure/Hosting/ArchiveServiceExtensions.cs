using Azure.Core;
using Azure.Identity;
using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Search;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Hosting;

public static class ArchiveServiceExtensions
{
    /// <summary>
    /// The archive's read side (<see cref="IArchiveCatalog"/>), the listing rows the pipeline keeps
    /// (<see cref="IStatementTimeline"/>) and search (<see cref="IArchiveSearch"/>): Azure AI Search when
    /// <c>Search:Endpoint</c> is set, else the embedded Lucene.Net index.
    /// </summary>
    public static IServiceCollection AddArchiveServices(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MonthDirectory>();
        services.AddSingleton<TableStatementTimeline>();
        services.AddSingleton<IStatementTimeline>(sp => sp.GetRequiredService<TableStatementTimeline>());
        services.AddSingleton(sp => (TableAlertLedger)sp.GetRequiredService<IAlertLedger>());
        services.AddSingleton(sp => (TableDeliveryLedger)sp.GetRequiredService<IDeliveryLedger>());
        services.AddSingleton(sp => (TableIngestionLog)sp.GetRequiredService<IIngestionLog>());
        services.AddSingleton<IArchiveCatalog, TableArchiveCatalog>();

        services.AddSingleton<LuceneArchiveSearch>();
        services.AddSingleton<IArchiveSearch>(sp => sp.GetRequiredService<IOptions<SearchOptions>>().Value is { Endpoint: { } endpoint } search
            ? new AzureArchiveSearch(new SearchIndexClient(endpoint, Credential(sp.GetRequiredService<IOptions<StorageOptions>>().Value)),
                search.IndexName, sp.GetRequiredService<ILogger<AzureArchiveSearch>>())
            : sp.GetRequiredService<LuceneArchiveSearch>());
        services.AddTransient<ArchivePublisher>();
        services.AddTransient<ArchiveReindexer>();
        return services;
    }

    /// <summary>The identity the app reaches storage with reaches search too.</summary>
    private static TokenCredential Credential(StorageOptions storage) => string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(storage.ManagedIdentityClientId));
}
