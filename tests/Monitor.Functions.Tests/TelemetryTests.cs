using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Tracing;
using OpenTelemetry.Trace;

namespace MinistryMonitor.Functions.Tests;

/// <summary>What the worker sends to Application Insights: its own log filters (host.json's do not reach it) and the pipeline's traces.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void LogFilters_Defaults_KeepTheStagesInformationButOnlyWarningsOfHttpClientPollyAndAzureSdk()
    {
        using var host = Build(new Dictionary<string, string?>());
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("MinistryMonitor.Core.Stages.DiscoverStage").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("System.Net.Http.HttpClient.PageFetcher.LogicalHandler").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("System.Net.Http.HttpClient.PageFetcher.LogicalHandler").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Polly").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void LogFilters_AppSettingOverridesADefault_TheSettingWins()
    {
        using var host = Build(new Dictionary<string, string?> { ["Logging:LogLevel:Polly"] = "Information", ["Logging:LogLevel:MinistryMonitor"] = "Warning" });
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Polly").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("MinistryMonitor.Core.Stages.DiscoverStage").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void Tracing_WorkerHost_ListensToThePipelineStages()
    {
        using var host = Build(new Dictionary<string, string?>());
        _ = host.Services.GetRequiredService<TracerProvider>();

        using var activity = PipelineTracing.StartStage("fetch", """{"sourceId":"mfa","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}""");

        Assert.NotNull(activity);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", activity.TraceId.ToHexString());
        Assert.Equal("mfa", activity.GetTagItem("monitor.source_id"));
    }

    [Fact]
    public void ExporterCredential_AadAuthenticationString_ManagedIdentity_OtherwiseNone()
    {
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(FunctionsServiceExtensions.ExporterCredential("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD"));
        Assert.Null(FunctionsServiceExtensions.ExporterCredential(null));
        Assert.Null(FunctionsServiceExtensions.ExporterCredential("ClientId=x"));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMonitorFunctionsServices();
        return builder.Build();
    }
}
