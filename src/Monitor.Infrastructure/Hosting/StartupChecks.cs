using Microsoft.Extensions.Hosting;
using Monitor.Core.Configuration;
using Monitor.Infrastructure.Storage;

namespace Monitor.Infrastructure.Hosting;

/// <summary>
/// At start-up: loads the operator's files (a bad file stops the host with a message naming file, entry and field)
/// and creates the storage the pipeline needs.
/// </summary>
public sealed class StartupChecks(MonitorConfiguration configuration, StorageInitializer storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = configuration.Sources.Count;
        await storage.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
