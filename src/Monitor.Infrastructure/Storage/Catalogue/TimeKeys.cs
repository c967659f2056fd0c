using System.Globalization;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// The keys that make listings cheap: one partition per calendar month (UTC), and row keys that start with the
/// time in reverse ticks, so a partition query returns the newest rows first and a time range is a row-key range.
/// </summary>
internal static class TimeKeys
{
    /// <summary>Sorts after every character used in row keys, closing a prefix range.</summary>
    public const string High = "~";

    public static string Month(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static string Reverse(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>A short, key-safe stand-in for free text such as a topic id (which may hold '/', '#' or '?').</summary>
    public static string Token(string text) => Hashes.Sha256(text)[..16];

    /// <summary>The months from <paramref name="newest"/> back to <paramref name="oldest"/>, newest first.</summary>
    public static IEnumerable<string> MonthsBack(DateTimeOffset newest, DateTimeOffset oldest)
    {
        var month = new DateTimeOffset(newest.UtcDateTime.Year, newest.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var stop = Month(oldest);
        for (var m = month; string.CompareOrdinal(Month(m), stop) >= 0; m = m.AddMonths(-1))
            yield return Month(m);
    }

    /// <summary>
    /// The row-key range, under <paramref name="prefix"/>, of times in [since, until): newer times have smaller keys.
    /// </summary>
    public static (string Low, string High) Range(string prefix, DateTimeOffset? since, DateTimeOffset? until) =>
        (until is { } u ? prefix + Reverse(u) + High : prefix,
         since is { } s ? prefix + Reverse(s) + High : prefix + High);

    /// <summary>Whether a month partition can hold times in [since, until).</summary>
    public static bool Overlaps(string month, DateTimeOffset? since, DateTimeOffset? until) =>
        (since is not { } s || string.CompareOrdinal(month, Month(s)) >= 0)
        && (until is not { } u || string.CompareOrdinal(month, Month(u.AddTicks(-1))) <= 0);
}
