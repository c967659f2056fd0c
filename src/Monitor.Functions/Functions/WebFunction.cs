using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Web;

namespace MinistryMonitor.Functions.Functions;

/// <summary>
/// HTTP: the web reader, operator console and JSON API. The worker's ASP.NET Core integration routes requests to
/// HTTP-trigger functions only, so one catch-all trigger (host.json sets an empty route prefix) hands every request to
/// the web application's own pipeline, the one <c>monitor serve</c> runs. Anonymous at the Functions level: App Service
/// Authentication signs callers in, and the application decides who may see what.
/// </summary>
public sealed class WebFunction(MonitorWebPipeline web)
{
    [Function("Web")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "{*path}")] HttpRequest request)
    {
        await web.HandleAsync(request.HttpContext);
        // The pipeline has written the response; nothing more for the worker to write.
        return Results.Empty;
    }
}
