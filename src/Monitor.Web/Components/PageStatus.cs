using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MinistryMonitor.Web.Components;

/// <summary>The status of a page that could not show what was asked for.</summary>
internal static class PageStatus
{
    /// <summary>
    /// 400, and the page as rendered, with what was wrong: the status-code pages would otherwise replace it with
    /// the generic "not found" page and the specific message would be lost.
    /// </summary>
    public static void BadRequest(HttpContext? context)
    {
        if (context is null || context.Response.HasStarted) return;
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>404: the status-code pages answer with the "not found" page (Blazor renders no body of its own for a 404).</summary>
    public static void NotFound(HttpContext? context)
    {
        if (context is { Response.HasStarted: false }) context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
