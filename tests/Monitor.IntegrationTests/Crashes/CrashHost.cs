using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.IntegrationTests.Crashes;

/// <summary>
/// The pipeline's real host (<c>AddMonitorServices</c>, the local runner) with every side-effect port wrapped in the
/// crash decorators. A host that died is abandoned: disposed without running anything more against storage.
/// </summary>
public sealed class CrashHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CrashHost(IHost host, CrashSwitch crash)
    {
        _host = host;
        Crash = crash;
    }

    public CrashSwitch Crash { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<CrashHost> StartAsync(IReadOnlyDictionary<string, string?> settings, CrashSwitch crash)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Subscribers' links, as every host has them (LocalMonitor supplies the same locally).
            ["Links:SigningKey"] = "crash-test-signing-key",
            ["Web:PublicBaseUrl"] = "http://127.0.0.1:9/",
            // The replayed ministry is a loopback site, which fetching refuses unless told otherwise.
            ["Fetch:AllowPrivateNetworks"] = "true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddMonitorServices();

        var services = builder.Services;
        Decorate<IBlobStore>(services, inner => new CrashingBlobStore(inner, crash));
        Decorate<IMessageQueue>(services, inner => new CrashingMessageQueue(inner, crash));
        Decorate<IStatementIndex>(services, inner => new CrashingStatementIndex(inner, crash));
        Decorate<IIngestionLog>(services, inner => new CrashingIngestionLog(inner, crash));
        Decorate<ISourceStateStore>(services, inner => new CrashingSourceState(inner, crash));
        Decorate<IAlertLedger>(services, inner => new CrashingAlertLedger(inner, crash));
        Decorate<IDeliveryLedger>(services, inner => new CrashingDeliveryLedger(inner, crash));
        Decorate<IOnceLedger>(services, inner => new CrashingOnceLedger(inner, crash));
        Decorate<IMailSender>(services, inner => new CrashingMailSender(inner, crash));

        var host = builder.Build();
        await host.StartAsync();
        return new CrashHost(host, crash);
    }

    /// <summary>One cycle of the local runner (schedule every source, drain), ending early if the host dies.</summary>
    public async Task RunCycleAsync() =>
        await _host.Services.GetRequiredService<LocalPipelineRunner>().RunCycleAsync(allSources: true, Crash.Alive);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> decorate) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(sp => decorate((T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }
}
