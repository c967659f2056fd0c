using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Subscriptions;

namespace Monitor.Infrastructure.Subscriptions;

/// <summary>Imports subscriptions.json (when present) into the subscriptions table at start-up; idempotent.</summary>
public sealed class SubscriptionImportStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<SubscriptionImporter>().ImportAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
