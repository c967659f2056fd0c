using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>The three Azure Storage service clients, from a connection string or a managed identity.</summary>
public sealed class StorageClients
{
    /// <param name="policies">Extra pipeline policies for every storage call (the pipeline benchmark counts calls with one).</param>
    public StorageClients(IOptions<StorageOptions> options, IEnumerable<HttpPipelinePolicy> policies)
    {
        var o = options.Value;
        Options = o;
        var blobOptions = new BlobClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        foreach (var policy in policies)
        {
            blobOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
            queueOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
            tableOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Blobs = new BlobServiceClient(o.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(o.ConnectionString, queueOptions);
            Tables = new TableServiceClient(o.ConnectionString, tableOptions);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId));
            Blobs = new BlobServiceClient(new Uri($"https://{o.AccountName}.blob.core.windows.net"), credential, blobOptions);
            Queues = new QueueServiceClient(new Uri($"https://{o.AccountName}.queue.core.windows.net"), credential, queueOptions);
            Tables = new TableServiceClient(new Uri($"https://{o.AccountName}.table.core.windows.net"), credential, tableOptions);
        }
    }

    public StorageOptions Options { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }

    public TableClient Table(string name) => Tables.GetTableClient(Options.TablePrefix + name);

    public static class TableNames
    {
        public const string Statements = "Statements";
        public const string IngestionLog = "IngestionLog";
        public const string SourceState = "SourceState";
        public const string Alerts = "Alerts";
        public const string Deliveries = "Deliveries";
        public const string HttpValidators = "HttpValidators";
        public const string Subscriptions = "Subscriptions";
        public const string DigestItems = "DigestItems";

        /// <summary>Claims on side effects that must happen once (<see cref="TableOnceLedger"/>).</summary>
        public const string Once = "Once";

        /// <summary>Every operator alert raised, and whom it was mailed to (<see cref="TableOperatorAlertLog"/>).</summary>
        public const string OperatorAlerts = "OperatorAlerts";

        
        public const string StatementTimeline = "StatementTimeline";

        public static IReadOnlyList<string> All { get; } = [Statements, IngestionLog, SourceState, Alerts, Deliveries, HttpValidators, Once, OperatorAlerts, Subscriptions, DigestItems, StatementTimeline];
    }
}
