using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Web.Subscriptions;

namespace MinistryMonitor.Web.Security;

/// <summary>
/// A page form whose antiforgery token does not check out (rendered before the keys it was protected with were
/// replaced, or not from this site) gets a 400 page that says what to do. Without this the endpoint's bodyless 400 is
/// re-executed as the "not found" page, a POST on which antiforgery reads the rejected form again and throws: a 500.
/// </summary>
internal sealed class AntiforgeryFailureMiddleware(RequestDelegate next, ILogger<AntiforgeryFailureMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false } failed || WebPaths.IsApi(context.Request.Path))
            return next(context);

        logger.LogWarning(failed.Error, "Form sent to {Path} refused: its antiforgery token is not valid here", context.Request.Path);
        return new RazorComponentResult<MessagePage>(new
        {
            Title = "Form expired",
            Message = "This form can no longer be sent. Go back, reload the page and send it again.",
            IsError = true,
        }) { StatusCode = StatusCodes.Status400BadRequest }.ExecuteAsync(context);
    }
}
