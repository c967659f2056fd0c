using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Politeness;
using MinistryMonitor.Infrastructure.Options;
using Polly;

namespace MinistryMonitor.Infrastructure.Http;

public static class FetchServiceExtensions
{
    /// <summary>
    /// The <see cref="PageFetcher"/> and everything under it: the SSRF guard and decompression on the socket handler,
    /// at most <see cref="PageFetcher.MaxRedirects"/> redirects, retries and timeouts with one circuit breaker per
    /// host, robots.txt and the per-host throttle. The caller registers an <see cref="IValidatorStore"/>.
    /// </summary>
    public static IServiceCollection AddMonitorFetching(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => RobotsTxt.IsValidProductToken(RobotsTxt.ProductTokenOf(o.UserAgent)),
                "Fetch:UserAgent must start with a product token (letters, '-' and '_', like \"MinistryMonitor/1.0\"): robots.txt groups are matched against it")
            .ValidateOnStart();
        services.AddSingleton(sp => Politeness(sp.GetRequiredService<IOptions<FetchOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var fetch = sp.GetRequiredService<IOptions<FetchOptions>>().Value;
            return new FetchLimits(fetch.MaxResponseMegabytes * 1024L * 1024, TimeSpan.FromSeconds(fetch.AttemptTimeoutSeconds));
        });
        services.AddSingleton(sp => new NetworkGuard(sp.GetRequiredService<IOptions<FetchOptions>>().Value.AllowPrivateNetworks));
        services.AddSingleton<HostThrottle>();
        services.AddSingleton<RobotsCache>();
        services.AddHostedService<FetchSafetyNotice>();

        services.AddHttpClient<PageFetcher>((sp, client) =>
            {
                var fetch = sp.GetRequiredService<IOptions<FetchOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(fetch.UserAgent);
                // The resilience pipeline owns the timeouts.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var fetch = sp.GetRequiredService<IOptions<FetchOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                    AllowAutoRedirect = false,
                    // Through a proxy the guard would check the proxy's address, not the site's.
                    UseProxy = false,
                    ConnectCallback = sp.GetRequiredService<NetworkGuard>().ConnectAsync,
                    ConnectTimeout = TimeSpan.FromSeconds(fetch.AttemptTimeoutSeconds),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                };
            })
            // Added first, so it wraps the resilience handler and sees its refusals.
            .AddHttpMessageHandler(() => new ResilienceRejectionHandler())
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var fetch = sp.GetRequiredService<IOptions<FetchOptions>>().Value;
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(fetch.AttemptTimeoutSeconds);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(fetch.TotalTimeoutSeconds);
                resilience.Retry.MaxRetryAttempts = Math.Max(fetch.MaxRetries, 1);
                resilience.Retry.Delay = TimeSpan.FromSeconds(1);
                // Polly would sleep through a Retry-After inside the call (120 s held the fetch until its timeout): the fetcher
                // reschedules instead, so a 429, or a 503 that says when to come back, is not retried here at all.
                resilience.Retry.ShouldRetryAfterHeader = false;
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome));
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(2 * fetch.AttemptTimeoutSeconds, 30));
            })
            // One circuit breaker (and pipeline) per scheme, host and port: a failing ministry does not break the others.
            .SelectPipelineByAuthority();
        return services;
    }

    private static PolitenessSettings Politeness(FetchOptions fetch) =>
        new(fetch.UserAgent, TimeSpan.FromMilliseconds(fetch.MinDelayMilliseconds), fetch.MaxConcurrentPerHost)
        {
            MaxRetryAfter = TimeSpan.FromMinutes(fetch.MaxRetryAfterMinutes),
        };

    /// <summary>
    /// Transient failures are retried, except: a refused address (it stays refused), a name that does not resolve (the
    /// next discovery or message retry asks again), a 429, and a 503 with Retry-After (the site said when to come back).
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is HttpRequestException { InnerException: ForbiddenAddressException or HostNotFoundException }) return false;
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }) return false;
        if (outcome.Result is { StatusCode: HttpStatusCode.ServiceUnavailable, Headers.RetryAfter: not null }) return false;
        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
