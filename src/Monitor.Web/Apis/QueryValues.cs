using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Web.Apis;

/// <summary>
/// Query-string values parsed with a message that says which parameter is wrong and what it should be. Every value
/// is bounded: a date to years the archive can hold, a filter to a length an id can have, so bad input is a 400,
/// never an overflow or a storage error further in.
/// </summary>
internal static class QueryValues
{
    /// <summary>The earliest date a filter may name; nothing is archived from before it.</summary>
    public static readonly DateTimeOffset MinDate = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first date past the latest a filter may name (exclusive), far enough that "to" plus a day still fits.</summary>
    public static readonly DateTimeOffset MaxDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Source, topic and language ids are far shorter.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Continuation tokens the listings issue are far shorter.</summary>
    public const int MaxTokenLength = 2000;

    /// <summary>The words of a search.</summary>
    public const int MaxSearchLength = 500;

    public static DateTimeOffset? Date(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > 64
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            errors[name] = [$"'{Shown(value)}' is not a date; use ISO 8601, e.g. 2026-05-01 or 2026-05-01T12:00:00Z."];
            return null;
        }
        if (date < MinDate || date >= MaxDate)
        {
            errors[name] = [$"'{Shown(value)}' is out of range; use a date from {MinDate:yyyy-MM-dd} to {MaxDate.AddDays(-1):yyyy-MM-dd}."];
            return null;
        }
        return date;
    }

    /// <summary>The trimmed value, null when empty, or an error when longer than <paramref name="maxLength"/>.</summary>
    public static string? Text(string? value, string name, Dictionary<string, string[]> errors, int maxLength = MaxIdLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length <= maxLength) return trimmed;
        errors[name] = [$"is {trimmed.Length} characters long; at most {maxLength} are allowed."];
        return null;
    }

    /// <summary>A whole number in a range, for the pages (the API's numbers are bound, and refused, by the framework).</summary>
    public static int? Number(string? value, string name, Dictionary<string, string[]> errors, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max) return number;
        errors[name] = [$"'{Shown(value)}' is not a whole number from {min} to {max}."];
        return null;
    }

    /// <summary>The errors as one sentence, for a page.</summary>
    public static string Describe(Dictionary<string, string[]> errors) =>
        string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

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

    /// <summary>A value as quoted back in an error: short, so a huge input does not make a huge answer.</summary>
    private static string Shown(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
