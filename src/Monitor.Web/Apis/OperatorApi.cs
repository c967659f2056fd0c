using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Web.Security;

namespace MinistryMonitor.Web.Apis;

/// <summary>What operators read: source health, the ingestion log, alerts raised, operator alerts and poisoned messages.</summary>
public static class OperatorApi
{
    /// <summary>The console's requeue form posts here (antiforgery-checked, like every form post).</summary>
    public const string RequeuePath = "/log/requeue";

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Operators").RequireAuthorization(WebPolicies.Operator)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/sources", ListSources).WithName("ListSources").WithSummary("Each configured source and its health.");
        api.MapGet("/log", ListLog).WithName("ListIngestionLog").WithSummary("The ingestion log, newest first; paged with a continuation token.");
        api.MapGet("/alerts", ListAlerts).WithName("ListAlerts").WithSummary("Alerts raised, newest first; paged with a continuation token.");
        api.MapGet("/operator-alerts", ListOperatorAlerts).WithName("ListOperatorAlerts").WithSummary("What the operators were told (the operator alert log), newest first.");
        api.MapGet("/poison", ListPoisoned).WithName("ListPoisonedMessages").WithSummary("Messages that failed too often, by queue.");

        endpoints.MapPost(RequeuePath, Requeue).RequireAuthorization(WebPolicies.Operator).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<SourceHealth>>> ListSources(ISourceHealthReader health, MonitorConfiguration configuration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await health.ReadAsync(configuration.Sources, cancellationToken));

    public static async Task<Results<Ok<Page<IngestionEntry>>, ValidationProblem>> ListLog(
        IArchiveCatalog catalog, IServiceProvider services, string? source, string? outcome, string? since, int? pageSize, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var sinceDate = QueryValues.Date(since, nameof(since), errors);
        var sourceId = QueryValues.Text(source, nameof(source), errors);
        var token = QueryValues.Text(continuationToken, nameof(continuationToken), errors, QueryValues.MaxTokenLength);
        IngestionOutcome? parsedOutcome = null;
        if (QueryValues.Text(outcome, nameof(outcome), errors) is { } o)
        {
            if (IngestionOutcomeNames.TryParse(o, out var value)) parsedOutcome = value;
            else errors[nameof(outcome)] = [$"'{o}' is not an outcome; use one of {string.Join(", ", IngestionOutcomeNames.All)}."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await QueryValues.PagedAsync(() => catalog.ListIngestionAsync(new IngestionQuery
        {
            SourceId = sourceId, Outcome = parsedOutcome, Since = sinceDate,
            PageSize = pageSize ?? services.PageSize(), ContinuationToken = token,
        }, cancellationToken));
    }

    public static async Task<Results<Ok<Page<AlertMessage>>, ValidationProblem>> ListAlerts(
        IArchiveCatalog catalog, IServiceProvider services, string? topic, string? since, int? pageSize, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var sinceDate = QueryValues.Date(since, nameof(since), errors);
        var topicId = QueryValues.Text(topic, nameof(topic), errors);
        var token = QueryValues.Text(continuationToken, nameof(continuationToken), errors, QueryValues.MaxTokenLength);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await QueryValues.PagedAsync(() => catalog.ListAlertsAsync(new AlertQuery
        {
            TopicId = topicId, Since = sinceDate, PageSize = pageSize ?? services.PageSize(), ContinuationToken = token,
        }, cancellationToken));
    }

    public static async Task<Ok<IReadOnlyList<OperatorAlertRecord>>> ListOperatorAlerts(IOperatorAlertLog alerts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await alerts.ReadRecentAsync(Paging.MaxPageSize, cancellationToken));

    public static async Task<Ok<IReadOnlyList<PoisonedMessage>>> ListPoisoned(IPoisonQueues queues, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queues.PeekPoisonedAsync(cancellationToken));

    /// <summary>Puts one poisoned message back on its queue, then shows the console again with what happened.</summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> Requeue(
        IPoisonQueues queues, [FromForm] string queue, [FromForm] string messageId, CancellationToken cancellationToken)
    {
        if (!QueueNames.Pipeline.Contains(queue))
            return TypedResults.Problem($"'{queue}' is not a pipeline queue.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown queue");
        var moved = await queues.RequeueAsync(queue, messageId, cancellationToken);
        return TypedResults.Redirect($"/log?requeued={Uri.EscapeDataString(messageId)}&found={(moved ? "1" : "0")}");
    }
}
