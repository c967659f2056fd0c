using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Infrastructure.Subscriptions;

public static class SubscriptionServiceExtensions
{
    /// <summary>Subscriptions in Table Storage, the detector compiled from them, signed links, digests and webhooks.</summary>
    public static IServiceCollection AddSubscriptionServices(this IServiceCollection services)
    {
        services.AddOptions<LinksOptions>().BindConfiguration(LinksOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The one binding of the section Web: the pipeline's e-mails link under its public address, and the web host reads the rest.
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ISubscriptionStore, TableSubscriptionStore>();
        services.AddSingleton<SubscriptionDirectory>();
        services.AddTransient<SubscriptionImporter>();
        services.AddTransient<OwnTermsIds>();
        services.AddSingleton(sp => new SubscriberTokens(sp.GetRequiredService<IOptions<LinksOptions>>().Value.SigningKey, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SubscriberLinks(new Uri(sp.GetRequiredService<IOptions<WebOptions>>().Value.PublicBaseUrl), sp.GetRequiredService<SubscriberTokens>()));
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<MonitorConfiguration>();
            var allowPrivate = sp.GetRequiredService<IConfiguration>().GetValue<bool>("Fetch:AllowPrivateNetworks");
            return new SubscriptionRules(configuration.Topics, configuration.Sources.Select(s => s.Id).ToList(), allowPrivate);
        });
        services.AddSingleton<IDigestInbox, TableDigestInbox>();
        services.AddTransient<Bounces>();
        services.AddSingleton<IAddressMailWindow, TableAddressMailWindow>();
        services.AddSingleton(sp => new SelfServiceLimits(TimeSpan.FromHours(sp.GetRequiredService<IOptions<WebOptions>>().Value.SubscriberMailWindowHours)));
        services.AddTransient<SelfService>();
        services.AddHttpClient<IWebhookSender, WebhookSender>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnections.Handler(sp.GetRequiredService<IConfiguration>().GetValue<bool>("Fetch:AllowPrivateNetworks")))
            .AddStandardResilienceHandler(resilience =>
            {
                // A receiver that fails is retried with the same body and delivery id; the queue retries after that.
                resilience.Retry.MaxRetryAttempts = 4;
                resilience.Retry.Delay = TimeSpan.FromSeconds(1);
                resilience.Retry.ShouldRetryAfterHeader = true;
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
            });
        services.AddHostedService<SubscriptionImportStartup>();
        return services;
    }
}
