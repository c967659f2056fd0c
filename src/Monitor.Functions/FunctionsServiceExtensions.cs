using MinistryMonitor.Infrastructure.DataProtection;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MinistryMonitor.Core.Tracing;
using MinistryMonitor.Infrastructure.Hosting;
using MinistryMonitor.Web;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MinistryMonitor.Functions;

public static class FunctionsServiceExtensions
{
    /// <summary>
    /// The worker's own log levels. host.json's "logging" levels govern only the Functions host's logs, not the
    /// isolated worker's, so the worker filters here, from configuration: these defaults, which app settings
    /// override (<c>Logging__LogLevel__Polly=Information</c>). Every HTTP request's start and end (HttpClient) and
    /// every resilience event (Polly) at Information would drown the stages' own logs in Application Insights.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> DefaultLogLevels { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:LogLevel:Azure.Core"] = "Warning",
        ["Logging:LogLevel:Azure.Identity"] = "Warning",
    };

    /// <summary>The pipeline's and the web host's services plus what only the Functions host needs: OpenTelemetry to Azure Monitor.</summary>
    public static IHostApplicationBuilder AddMonitorFunctionsServices(this IHostApplicationBuilder builder)
    {
        // First, so that every other configuration source (app settings, environment) overrides these defaults.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = DefaultLogLevels });
        builder.AddMonitorServices();
        builder.AddMonitorWebServices();
        // The web host's key ring (forms, antiforgery) in blob storage, shared by every host on the same storage; only
        // web hosts register it, so commands without storage (check-source) never wait on it.
        builder.Services.AddMonitorDataProtection();

        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PipelineTracing.SourceName));
        // Without a connection string (tests, local runs) nothing is exported.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            var credential = ExporterCredential(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            telemetry.UseAzureMonitorExporter(options => options.Credential = credential);
        }
        return builder;
    }

    /// <summary>
    /// Application Insights has local authentication off (infra/app/monitoring.bicep): the exporter signs in with the
    /// managed identity named in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>ClientId=…;Authorization=AAD</c>).
    /// </summary>
    internal static TokenCredential? ExporterCredential(string? authenticationString)
    {
        var parts = (authenticationString ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase)) return null;
        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
