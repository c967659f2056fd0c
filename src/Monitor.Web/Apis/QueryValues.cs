using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Archive;

namespace Monitor.Web.Apis;

/// <summary>Query-string values parsed with a message that says which parameter is wrong and what it should be.</summary>
internal static class QueryValues
{
    public static DateTimeOffset? Date(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return date;
        errors[name] = [$"'{value}' is not a date; use ISO 8601, e.g. 2026-05-01 or 2026-05-01T12:00:00Z."];
        return null;
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A page, or a 400 naming the continuation token when the listing did not issue it.</summary>
    public static async Task<Results<Ok<Page<T>>, ValidationProblem>> PagedAsync<T>(Func<Task<Page<T>>> read)
    {
        try
        {
            return TypedResults.Ok(await read());
        }
        catch (InvalidContinuationTokenException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["continuationToken"] = [ex.Message] });
        }
    }
}
