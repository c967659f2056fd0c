using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Infrastructure.Subscriptions;

/// <summary>
/// Imports subscriptions.json (when present) into the subscriptions table at start-up, and gives own terms stored
/// before they had a private id one (<see cref="OwnTermsIds"/>); both idempotent.
/// </summary>
public sealed class SubscriptionImportStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<SubscriptionImporter>().ImportAsync(cancellationToken);
        await services.GetRequiredService<OwnTermsIds>().MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
