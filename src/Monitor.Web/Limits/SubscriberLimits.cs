using MinistryMonitor.Core.Configuration;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MinistryMonitor.Web.Subscriptions;

namespace MinistryMonitor.Web.Limits;

/// <summary>
/// Abuse limits on the subscriber door (subscribe, confirm, manage, unsubscribe; pages and API): a fixed window of
/// requests per client address (<c>Web:SubscriberRequestsPerClient</c> per <c>Web:SubscriberRequestWindowSeconds</c>),
/// the client named by <c>X-Forwarded-For</c> only when the connection comes from <c>Web:KnownProxies</c> or
/// <c>Web:KnownNetworks</c>. Over the limit: 429 with Retry-After. The per-address e-mail limit is
/// <see cref="Core.Subscriptions.IAddressMailWindow"/>'s, since it must hold across instances.
/// </summary>
public static class SubscriberLimits
{
    public const string PolicyName = "subscribers";

    public static IServiceCollection AddSubscriberLimits(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<WebOptions>>((forwarded, web) =>
        {
            // With no proxy named, the header is not read at all (empty lists would let the middleware trust any sender).
            forwarded.ForwardedHeaders = web.Value.KnownProxies.Length + web.Value.KnownNetworks.Length > 0 ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
            // The framework trusts loopback by default; only what the settings name is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in web.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in web.Value.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context =>
            {
                var web = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = web.SubscriberRequestsPerClient,
                    Window = TimeSpan.FromSeconds(web.SubscriberRequestWindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                return new ValueTask(TooManyRequests(rejected.HttpContext, retryAfter, "Too many requests from this address").ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    /// <summary>429 with Retry-After (whole seconds, rounded up): ProblemDetails for the API, the message page for people.</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string title) =>
        WebPaths.IsApi(context.Request.Path)
            ? TooManyRequestsProblem(context, retryAfter, title)
            : new RazorComponentResult<MessagePage>(new { Title = title, Message = RetryAfter(context, retryAfter), IsError = true }) { StatusCode = StatusCodes.Status429TooManyRequests };

    public static ProblemHttpResult TooManyRequestsProblem(HttpContext context, TimeSpan retryAfter, string title) =>
        TypedResults.Problem(RetryAfter(context, retryAfter), statusCode: StatusCodes.Status429TooManyRequests, title: title);

    /// <summary>Sets the Retry-After header and says the same in words.</summary>
    private static string RetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return $"Try again in {Describe(TimeSpan.FromSeconds(seconds))}.";
    }

    private static string Describe(TimeSpan wait) => wait.TotalMinutes < 2
        ? $"{wait.TotalSeconds:0} seconds"
        : wait.TotalHours < 2 ? $"{Math.Ceiling(wait.TotalMinutes):0} minutes" : $"{Math.Ceiling(wait.TotalHours):0} hours";
}
