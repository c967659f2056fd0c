using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Web.Archive;
using MinistryMonitor.Web.Security;

namespace MinistryMonitor.Web.Apis;

/// <summary>The archive for readers: statements, their versions, texts and diffs. Public unless <c>Web:RequireSignIn</c>.</summary>
public static class StatementsApi
{
    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder endpoints)
    {
        // Every answer but 200 is a ProblemDetails: 400 for a malformed or out-of-range parameter, 404 for what is not archived.
        var api = endpoints.MapGroup("/api/statements").WithTags("Statements").RequireAuthorization(WebPolicies.Reader)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/", ListStatements).WithName("ListStatements")
            .WithSummary("Statements, newest first (best match first with q), filtered; paged with a continuation token.");
        api.MapGet("/{source}/{id}", GetStatement).WithName("GetStatement")
            .WithSummary("A statement's metadata and its versions.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{source}/{id}/versions/{n:int}", GetVersion).WithName("GetStatementVersion")
            .WithSummary("One version's text and metadata.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{source}/{id}/versions/{n:int}/diff", GetDiff).WithName("GetStatementVersionDiff")
            .WithSummary("The diff of a version against the one before and the topic mentions new in it.").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Results<Ok<Page<StatementListItem>>, ValidationProblem>> ListStatements(
        StatementBrowser browser, IServiceProvider services,
        string? source, string? topic, string? language, string? since, string? until, string? q, int? pageSize, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new StatementFilter(QueryValues.Text(source, nameof(source), errors), QueryValues.Text(topic, nameof(topic), errors),
            QueryValues.Text(language, nameof(language), errors), QueryValues.Date(since, nameof(since), errors), QueryValues.Date(until, nameof(until), errors),
            QueryValues.Text(q, nameof(q), errors, QueryValues.MaxSearchLength));
        var token = QueryValues.Text(continuationToken, nameof(continuationToken), errors, QueryValues.MaxTokenLength);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await QueryValues.PagedAsync(() => browser.ListAsync(filter, token, pageSize ?? services.PageSize(), cancellationToken));
    }

    public static async Task<Results<Ok<StatementDetails>, ProblemHttpResult>> GetStatement(
        IArchiveCatalog catalog, string source, string id, CancellationToken cancellationToken) =>
        await catalog.GetStatementAsync(source, id, cancellationToken) is { } statement
            ? TypedResults.Ok(statement)
            : NotFound($"No statement '{id}' from source '{source}' is archived.");

    public static async Task<Results<Ok<StatementVersion>, ProblemHttpResult>> GetVersion(
        IArchiveCatalog catalog, string source, string id, int n, CancellationToken cancellationToken) =>
        await catalog.GetVersionAsync(source, id, n, cancellationToken) is { } version
            ? TypedResults.Ok(version)
            : NotFound($"Statement '{id}' from source '{source}' has no version {n}.");

    public static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> GetDiff(
        IArchiveCatalog catalog, string source, string id, int n, CancellationToken cancellationToken) =>
        await catalog.GetDiffAsync(source, id, n, cancellationToken) is { } diff
            ? TypedResults.Ok(diff)
            : NotFound($"Statement '{id}' from source '{source}' has no diff for version {n} (not archived, or not compared yet).");

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
