using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Subscriptions;

namespace Monitor.Infrastructure.Subscriptions;

public static class SubscriptionServiceExtensions
{
    /// <summary>Subscriptions in Table Storage, the detector compiled from them, signed links, digests and webhooks.</summary>
    public static IServiceCollection AddSubscriptionServices(this IServiceCollection services)
    {
        services.AddOptions<UnsubscribeOptions>().BindConfiguration(UnsubscribeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicWebOptions>().BindConfiguration(PublicWebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ISubscriptionStore, TableSubscriptionStore>();
        services.AddSingleton<SubscriptionDirectory>();
        services.AddTransient<SubscriptionImporter>();
        services.AddSingleton(sp => new SubscriberTokens(sp.GetRequiredService<IOptions<UnsubscribeOptions>>().Value.SigningKey, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SubscriberLinks(new Uri(sp.GetRequiredService<IOptions<PublicWebOptions>>().Value.PublicBaseUrl), sp.GetRequiredService<SubscriberTokens>()));
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<MonitorConfiguration>();
            var allowPrivate = sp.GetRequiredService<IConfiguration>().GetValue<bool>("Fetch:AllowPrivateNetworks");
            return new SubscriptionRules(configuration.Topics, configuration.Sources.Select(s => s.Id).ToList(), allowPrivate);
        });
        services.AddHostedService<SubscriptionImportStartup>();
        return services;
    }
}
