using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Infrastructure.Hosting;
using Monitor.Web;

namespace Monitor.Functions;

public static class FunctionsServiceExtensions
{
    private const string ApplicationInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>The pipeline's and the web host's services plus what only the Functions host needs (Application Insights).</summary>
    public static IHostApplicationBuilder AddMonitorFunctionsServices(this IHostApplicationBuilder builder)
    {
        builder.AddMonitorServices();
        builder.AddMonitorWebServices();
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        // The Application Insights SDK adds a rule that keeps only warnings; operators need the stages'
        // information logs ("discovered N items") too, and host.json's levels decide what is kept.
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsProvider);
            if (rule is not null) options.Rules.Remove(rule);
        });
        return builder;
    }
}
