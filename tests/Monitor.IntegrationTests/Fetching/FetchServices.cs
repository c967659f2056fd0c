using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Infrastructure.Http;

namespace MinistryMonitor.IntegrationTests.Fetching;

/// <summary>The pipeline's real fetch stack (handler, guard, resilience, robots, throttle) without storage, for fast tests against loopback sites.</summary>
internal static class FetchServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Fetch:AllowPrivateNetworks"] = "true",
            ["Fetch:MinDelayMilliseconds"] = "0",
            ["Fetch:MaxRetries"] = "1",
            ["Fetch:AttemptTimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(all).Build())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IValidatorStore, InMemoryValidatorStore>()
            .AddLogging()
            .AddMonitorFetching();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
