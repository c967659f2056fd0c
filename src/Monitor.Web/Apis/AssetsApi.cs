using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MinistryMonitor.Web.Apis;

/// <summary>
/// The stylesheet, the icons and the web app manifest, embedded in the assembly so both hosts serve them without
/// static files beside the app. <c>/favicon.ico</c> is served too because browsers ask for it whatever the page links.
/// </summary>
public static class AssetsApi
{
    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/css/site.css", "assets/site.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "assets/favicon.svg", "image/svg+xml"),
        ("/favicon.ico", "assets/favicon.ico", "image/x-icon"),
        ("/manifest.webmanifest", "assets/manifest.webmanifest", "application/manifest+json; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            var bytes = Read(resource);
            endpoints.MapGet(path, (HttpContext context) =>
                {
                    context.Response.Headers.CacheControl = "public, max-age=3600";
                    return TypedResults.Bytes(bytes, contentType);
                })
                .ExcludeFromDescription();
        }
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
