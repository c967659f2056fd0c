using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MinistryMonitor.Web.Apis;
using MinistryMonitor.Web.Components;
using MinistryMonitor.Web.Security;

namespace MinistryMonitor.Web;

/// <summary>The one request pipeline and the one set of endpoints both hosts serve.</summary>
public static class WebApplicationComposition
{
    /// <summary>Security headers, errors as ProblemDetails, routing, sign-in, antiforgery, then <see cref="MapMonitorWeb"/>.</summary>
    public static IApplicationBuilder UseMonitorWeb(this IApplicationBuilder app)
    {
        // The client's address from X-Forwarded-For, only when the connection is from a configured proxy (Web:KnownProxies).
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        // An error without a body: ProblemDetails for the API, the "not found" page for people.
        app.UseWhen(c => WebPaths.IsApi(c.Request.Path), api => api.UseStatusCodePages());
        // In a scope of its own: the page that set the status (a missing statement's) has used the first one's services.
        app.UseWhen(c => !WebPaths.IsApi(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<AntiforgeryFailureMiddleware>();
        app.UseEndpoints(endpoints => endpoints.MapMonitorWeb());
        return app;
    }

    /// <summary>
    /// Every endpoint of the web host. Each area maps its own: the JSON APIs under <c>/api</c> (one <c>Apis/XxxApi.cs</c>
    /// with a <c>MapXxxApi</c> each, added here), the pages as routable Razor components under <c>Components/Pages</c>
    /// (found by <see cref="RazorComponentsEndpointRouteBuilderExtensions.MapRazorComponents"/>), the stylesheet.
    /// </summary>
    public static IEndpointRouteBuilder MapMonitorWeb(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapStatementsApi();
        endpoints.MapOperatorApi();
        endpoints.MapSubscriptionsApi();
        endpoints.MapAssets();
        endpoints.MapRazorComponents<App>();
        return endpoints;
    }
}
