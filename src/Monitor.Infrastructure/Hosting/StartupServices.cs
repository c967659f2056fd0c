using Microsoft.Extensions.Hosting;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Hosting;

/// <summary>Creates the containers, queues and tables at start-up, so a fresh account or emulator just works.</summary>
public sealed class StorageStartup(StorageInitializer storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Loads the operator's files at start-up, so a bad file stops the host at once with a message naming the file,
/// the entry and the field, instead of failing on the first message.
/// </summary>
public sealed class ConfigurationStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(MonitorConfiguration));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
