using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Alerts;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Decoding;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Configuration;
using MinistryMonitor.Infrastructure.DataProtection;
using MinistryMonitor.Infrastructure.Http;
using MinistryMonitor.Infrastructure.Mail;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Storage;
using MinistryMonitor.Infrastructure.Subscriptions;

namespace MinistryMonitor.Infrastructure.Hosting;

public static class MonitorServiceExtensions
{
    /// <summary>Everything the pipeline needs, for the Functions app and the <c>monitor</c> command alike.</summary>
    public static IHostApplicationBuilder AddMonitorServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Before anything binds a renamed setting: the old names are read for one release, and named in a warning at start-up.
        builder.AddRenamedSettings();
        // Ministry sites still serve windows-1251, KOI8-R, ISO-8859-9 …: make those encodings available process-wide.
        CodePages.Register();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .PostConfigure<IConfiguration>(UseFunctionsStorageByDefault)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MonitorFilesOptions>().BindConfiguration(MonitorFilesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WithdrawalOptions>().BindConfiguration(WithdrawalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WithdrawalOptions>>().Value.Schedule());

        services.AddSingleton(TimeProvider.System);
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp =>
        {
            var files = sp.GetRequiredService<IOptions<MonitorFilesOptions>>().Value;
            return MonitorConfiguration.Load(
                Path.Combine(contentRoot, files.SourcesFile),
                Path.Combine(contentRoot, files.TopicsFile),
                Path.Combine(contentRoot, files.SubscriptionsFile));
        });

        services.AddSingleton<IStatementExtractor, StatementExtractor>();
        services.AddSingleton<IMentionDetector>(sp => new MentionDetector(sp.GetRequiredService<MonitorConfiguration>().Topics));

        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageInitializer>();
        services.AddSingleton<BlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<BlobStore>());
        services.AddSingleton<IMessageQueue, QueueMessageSender>();
        services.AddSingleton<IStatementIndex, TableStatementIndex>();
        services.AddSingleton<IIngestionLog, TableIngestionLog>();
        services.AddSingleton<ISourceStateStore, TableSourceState>();
        services.AddSingleton<MinistryMonitor.Core.Health.ISourceHealthReader, MinistryMonitor.Core.Health.SourceHealthReport>();
        services.AddSingleton<IAlertLedger, TableAlertLedger>();
        services.AddSingleton<IDeliveryLedger, TableDeliveryLedger>();
        services.AddSingleton<IValidatorStore, TableValidatorStore>();
        services.AddSingleton<TableOnceLedger>();
        services.AddSingleton<IOnceLedger>(sp => sp.GetRequiredService<TableOnceLedger>());
        services.AddSingleton(sp => new OnceLease(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.ClaimLeaseSeconds)));
        services.AddSingleton<IMailSender, MailKitSender>();
        services.AddArchiveServices();

        services.AddMonitorFetching();
        services.AddOperatorAlerts();

        services.AddTransient<ScheduleStage>();
        services.AddTransient<DiscoverStage>();
        services.AddTransient<CatchUp>();
        services.AddTransient<MinistryMonitor.Core.Withdrawals.WithdrawalSweep>();
        services.AddTransient<MinistryMonitor.Core.Withdrawals.WithdrawalRecorder>();
        services.AddTransient<RawStatementExtractor>();
        services.AddTransient<StatementArchiver>();
        services.AddSingleton<FeedItemCache>();
        services.AddTransient<FetchStage>();
        services.AddTransient<AlertRaiser>();
        services.AddTransient<DetectStage>();
        services.AddTransient<DeliverStage>();
        services.AddTransient<DigestStage>();
        services.AddTransient<PipelineDispatcher>();
        services.AddTransient<LocalPipelineRunner>();
        services.AddTransient<IPoisonQueues, OperatorQueues>();
        services.AddTransient<PoisonWatch>();
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<ConfigurationStartupCheck>();
        services.AddSubscriptionServices();
        return builder;
    }

    /// <summary>On Azure the pipeline shares the Functions host's storage account unless told otherwise.</summary>
    private static void UseFunctionsStorageByDefault(StorageOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) || !string.IsNullOrWhiteSpace(options.AccountName)) return;
        options.ConnectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return;
        options.AccountName = configuration["AzureWebJobsStorage:accountName"];
        options.ManagedIdentityClientId ??= configuration["AzureWebJobsStorage:clientId"];
    }
}
