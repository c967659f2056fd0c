using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Fetching.Feeds;

/// <summary>The dates feeds and sitemaps carry: W3C/ISO 8601 (Atom, <c>dc:date</c>, <c>lastmod</c>) and RFC 822 with its real-world variants.</summary>
public static partial class FeedDates
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length > 64) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date))
            return date;
        return ParseRfc822(text);
    }

    /// <summary>The latest of several dates (an entry updated more than once says so more than once).</summary>
    public static DateTimeOffset? Latest(IEnumerable<string?> texts)
    {
        DateTimeOffset? latest = null;
        foreach (var text in texts)
            if (Parse(text) is { } date && (latest is null || date > latest)) latest = date;
        return latest;
    }

    /// <summary>The first of several candidates that parses.</summary>
    public static DateTimeOffset? First(IEnumerable<string?> texts)
    {
        foreach (var text in texts)
            if (Parse(text) is { } date) return date;
        return null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{2,}\.?,?\s*)?(?<d>\d{1,2})[\s-]+(?<m>[A-Za-z]{3})[A-Za-z]*\.?[\s-]+(?<y>\d{2,4})(?:[\sT]+(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?)?\s*(?<z>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    // RFC 822 dates with zone names, numeric zones without a colon, two-digit years or no seconds, which
    // DateTimeOffset.TryParse does not accept.
    private static DateTimeOffset? ParseRfc822(string text)
    {
        var match = Rfc822().Match(text);
        if (!match.Success) return null;
        var month = Array.IndexOf(Months, match.Groups["m"].Value.ToLowerInvariant()) + 1;
        if (month == 0) return null;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year < 50 ? 2000 : 1900;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        int hour = Number(match.Groups["h"]), minute = Number(match.Groups["min"]), second = Number(match.Groups["s"]);
        if (Zone(match.Groups["z"].Value.Trim()) is not { } offset) return null;
        if (day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
        return new DateTimeOffset(year, month, day, hour, minute, second, offset);
    }

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    private static TimeSpan? Zone(string zone)
    {
        if (zone.Length == 0) return TimeSpan.Zero;
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            if (digits.Length is not (2 or 4) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return null;
            var span = digits.Length == 2 ? TimeSpan.FromHours(value) : new TimeSpan(value / 100, value % 100, 0);
            return zone[0] == '-' ? -span : span;
        }
        return zone.ToUpperInvariant() switch
        {
            "UT" or "UTC" or "GMT" or "Z" => TimeSpan.Zero,
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" => TimeSpan.FromHours(-6),
            "CDT" => TimeSpan.FromHours(-5),
            "MST" => TimeSpan.FromHours(-7),
            "MDT" => TimeSpan.FromHours(-6),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            "MSK" => TimeSpan.FromHours(3),
            "AZT" => TimeSpan.FromHours(4),
            "AMT" => TimeSpan.FromHours(4),
            "BST" => TimeSpan.FromHours(1),
            "CET" => TimeSpan.FromHours(1),
            "CEST" => TimeSpan.FromHours(2),
            _ => null,
        };
    }
}
