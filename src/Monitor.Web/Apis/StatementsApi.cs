using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitor.Web.Archive;
using Monitor.Web.Security;

namespace Monitor.Web.Apis;

/// <summary>The archive for readers: statements, their versions, texts and diffs. Public unless <c>Web:RequireSignIn</c>.</summary>
public static class StatementsApi
{
    public static IEndpointRouteBuilder MapStatementsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/statements").WithTags("Statements").RequireAuthorization(WebPolicies.Reader);
        api.MapGet("/", ListStatements).WithName("ListStatements")
            .WithSummary("Statements, newest first, filtered and searched; paged with a continuation token.");
        api.MapGet("/{source}/{id}", GetStatement).WithName("GetStatement")
            .WithSummary("A statement's metadata and its versions.");
        api.MapGet("/{source}/{id}/versions/{n:int}", GetVersion).WithName("GetStatementVersion")
            .WithSummary("One version's text and metadata.");
        api.MapGet("/{source}/{id}/versions/{n:int}/diff", GetDiff).WithName("GetStatementVersionDiff")
            .WithSummary("The diff of a version against the one before and the topic mentions new in it.");
        return endpoints;
    }

    public static async Task<Results<Ok<Page<StatementSummary>>, ValidationProblem>> ListStatements(
        IArchiveReader archive, IServiceProvider services,
        string? source, string? topic, string? language, string? since, string? until, string? q, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new StatementQuery(QueryValues.Text(source), QueryValues.Text(topic), QueryValues.Text(language),
            QueryValues.Date(since, nameof(since), errors), QueryValues.Date(until, nameof(until), errors), QueryValues.Text(q));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        try
        {
            return TypedResults.Ok(await archive.ListStatementsAsync(query, continuationToken, services.PageSize(), cancellationToken));
        }
        catch (ArgumentException ex) when (ex.ParamName == "token")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(continuationToken)] = [ex.Message] });
        }
    }

    public static async Task<Results<Ok<StatementDetail>, ProblemHttpResult>> GetStatement(
        IArchiveReader archive, string source, string id, CancellationToken cancellationToken) =>
        await archive.GetStatementAsync(source, id, cancellationToken) is { } statement
            ? TypedResults.Ok(statement)
            : NotFound($"No statement '{id}' from source '{source}' is archived.");

    public static async Task<Results<Ok<VersionText>, ProblemHttpResult>> GetVersion(
        IArchiveReader archive, string source, string id, int n, CancellationToken cancellationToken) =>
        await archive.GetVersionAsync(source, id, n, cancellationToken) is { } version
            ? TypedResults.Ok(version)
            : NotFound($"Statement '{id}' from source '{source}' has no version {n}.");

    public static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> GetDiff(
        IArchiveReader archive, string source, string id, int n, CancellationToken cancellationToken) =>
        await archive.GetDiffAsync(source, id, n, cancellationToken) is { } diff
            ? TypedResults.Ok(diff)
            : NotFound($"Statement '{id}' from source '{source}' has no diff for version {n} (not archived, or not compared yet).");

    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
