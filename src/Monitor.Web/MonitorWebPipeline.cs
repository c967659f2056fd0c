using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MinistryMonitor.Web;

/// <summary>
/// The web application as one <see cref="RequestDelegate"/>, for a host whose own pipeline cannot be extended:
/// the Functions worker's ASP.NET Core integration routes each request to an HTTP-trigger function, and the
/// catch-all function hands the request on here, to the same pipeline <c>monitor serve</c> runs on Kestrel.
/// </summary>
public sealed class MonitorWebPipeline
{
    private readonly RequestDelegate _pipeline;

    public MonitorWebPipeline(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.UseMonitorWeb();
        _pipeline = app.Build();
    }

    public Task HandleAsync(HttpContext context)
    {
        // The worker's router already chose the catch-all function; routing starts afresh for this application.
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        return _pipeline(context);
    }
}
