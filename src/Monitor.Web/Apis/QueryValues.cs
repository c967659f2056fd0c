using System.Globalization;

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
}
