using Microsoft.AspNetCore.Http;

namespace MinistryMonitor.Web.Security;

/// <summary>
/// A strict Content-Security-Policy on every response: only this site's own stylesheet, no script at all, no
/// inline style, no framing. The pages are plain server-rendered HTML, so even a ministry text that slipped
/// past encoding could not run anything.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return next(context);
    }
}
