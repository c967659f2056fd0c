using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Infrastructure.Http;

/// <summary>Says at start-up when the SSRF guard is off, so nobody runs a production host that way unknowingly.</summary>
public sealed class FetchSafetyNotice(IOptions<FetchOptions> options, ILogger<FetchSafetyNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AllowPrivateNetworks)
            logger.LogWarning("Fetch:AllowPrivateNetworks is on: feeds, pages and redirects may reach loopback and private addresses (never cloud metadata or link-local). Use it only for local sites (the demo, tests).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
