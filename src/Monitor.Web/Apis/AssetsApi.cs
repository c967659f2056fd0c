using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MinistryMonitor.Web.Apis;

/// <summary>The stylesheet, embedded in the assembly so both hosts serve it without static files beside the app.</summary>
public static class AssetsApi
{
    private static readonly byte[] SiteCss = Read("assets/site.css");

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/css/site.css", (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Bytes(SiteCss, "text/css; charset=utf-8");
            })
            .ExcludeFromDescription();
        return endpoints;
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from Monitor.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
