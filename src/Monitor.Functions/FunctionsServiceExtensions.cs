using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Infrastructure.Hosting;

namespace Monitor.Functions;

public static class FunctionsServiceExtensions
{
    /// <summary>The pipeline's services plus what only the Functions host needs (Application Insights).</summary>
    public static IHostApplicationBuilder AddMonitorFunctionsServices(this IHostApplicationBuilder builder)
    {
        builder.AddMonitorServices();
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        return builder;
    }
}
