using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Finds a calendar date (with time and zone when given) in a metadata value or running text: ISO 8601,
/// RFC 1123, "25 July 2023", "July 25, 2023", "25 июля 2023 г.", "25 iyul 2023", "25. Juli 2023",
/// "1er janvier 2023", "25.07.2023", "2023/07/25". Dates without a zone are taken as UTC.
/// </summary>
public static partial class DateParser
{
    private const string Time =
        @"(?:\s*(?:,|at|à|a las|um|в|saat|-|–|\|)?\s*(?<h>\d{1,2})[:h](?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:Uhr|ч\.?|hrs?))?(?:\s*\(?(?<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{3,4}\b)(?<tzoff>[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?";

    [GeneratedRegex(
        @"(?<![\d\p{L}])(?:" +
        // ISO 8601 / RFC 3339: 2023-07-25, 2023-07-25T10:00:00+03:00
        @"(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?" +
        // 25 July 2023, 25 июля 2023 г., 25. Juli 2023, 1er janvier 2023, Tue, 25 Jul 2023 10:00:00 GMT, 25-Jul-2023
        @"|(?<d>\d{1,2})(?:st|nd|rd|th|er|e|-?го)?\.?[\s\-/]*(?:de\s+)?(?<mon>\p{L}{3,}\.?)[\s\-/,]*(?:de\s+)?(?<y>\d{4})(?:\s*(?:г\.|года|год|il|yıl)\.?)?" + Time +
        // July 25, 2023, Jul. 25 2023
        @"|(?<mon>\p{L}{3,}\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})" + Time +
        // 2023/07/25, 2023.07.25
        @"|(?<y>\d{4})[./](?<mo>\d{1,2})[./](?<d>\d{1,2})" + Time +
        // 25.07.2023, 25/07/2023 (day first unless told otherwise)
        @"|(?<n1>\d{1,2})[./](?<n2>\d{1,2})[./](?<y>\d{4})" + Time +
        @")(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    private static readonly Dictionary<string, int> ZoneAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["UT"] = 0, ["WET"] = 0, ["BST"] = 60, ["CET"] = 60, ["CEST"] = 120,
        ["EET"] = 120, ["EEST"] = 180, ["MSK"] = 180, ["AZT"] = 240, ["AMT"] = 240, ["GET"] = 240, ["TRT"] = 180,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300, ["MST"] = -420, ["MDT"] = -360,
        ["PST"] = -480, ["PDT"] = -420, ["IST"] = 330, ["JST"] = 540,
    };

    /// <summary>Parses the first date found in <paramref name="text"/>.</summary>
    /// <param name="monthFirst">Read ambiguous numeric dates such as 07/08/2023 as month/day (US usage).</param>
    public static bool TryParse(string? text, out DateTimeOffset value, bool monthFirst = false) =>
        TryFind(text, monthFirst, out value, out _, out _);

    /// <summary>Finds the first date in <paramref name="text"/> and where it is written.</summary>
    public static bool TryFind(string? text, bool monthFirst, out DateTimeOffset value, out int index, out int length)
    {
        value = default;
        index = length = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // Metadata values and date lines are short; bounding the search keeps running text cheap.
        var span = text.Length > 4096 ? text[..4096] : text;
        for (var match = DatePattern().Match(span); match.Success; match = match.NextMatch())
        {
            if (!TryBuild(match, monthFirst, out value)) continue;
            (index, length) = (match.Index, match.Length);
            return true;
        }
        return false;
    }

    public static DateTimeOffset? Parse(string? text, bool monthFirst = false) =>
        TryParse(text, out var value, monthFirst) ? value : null;

    private static bool TryBuild(Match match, bool monthFirst, out DateTimeOffset value)
    {
        value = default;
        var year = Number(match, "y");
        int month, day;
        if (match.Groups["mon"].Success)
        {
            if (!MonthNames.TryGetMonth(match.Groups["mon"].ValueSpan, out month)) return false;
            day = Number(match, "d");
        }
        else if (match.Groups["n1"].Success)
        {
            var first = Number(match, "n1");
            var second = Number(match, "n2");
            var dayFirst = first > 12 || (second <= 12 && !monthFirst);
            (day, month) = dayFirst ? (first, second) : (second, first);
        }
        else
        {
            month = Number(match, "mo");
            day = Number(match, "d");
        }
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;

        var hour = match.Groups["h"].Success ? Number(match, "h") : 0;
        var minute = match.Groups["mi"].Success ? Number(match, "mi") : 0;
        var second2 = match.Groups["s"].Success ? Number(match, "s") : 0;
        if (match.Groups["ampm"].Success && hour <= 12)
        {
            var pm = char.ToLowerInvariant(match.Groups["ampm"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second2 > 59) hour = minute = second2 = 0;
        var offset = Offset(match);
        value = new DateTimeOffset(year, month, day, hour, minute, second2, offset);
        return true;
    }

    private static TimeSpan Offset(Match match)
    {
        var zone = match.Groups["tz"];
        if (!zone.Success) return TimeSpan.Zero;
        var minutes = ZoneAbbreviations.TryGetValue(zone.Value, out var known) ? known : ParseOffset(zone.Value);
        if (match.Groups["tzoff"].Success) minutes += ParseOffset(match.Groups["tzoff"].Value);
        return minutes is > -15 * 60 and < 15 * 60 ? TimeSpan.FromMinutes(minutes) : TimeSpan.Zero;
    }

    /// <summary>"+03:00", "+0300", "-5", "+5:30" as minutes; anything else (an unknown zone name) as UTC.</summary>
    private static int ParseOffset(string text)
    {
        if (text.Length < 2 || text[0] is not ('+' or '-')) return 0;
        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return 0;
        var minutes = digits.Length <= 2 ? n * 60 : n / 100 * 60 + n % 100;
        return sign * minutes;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
}
