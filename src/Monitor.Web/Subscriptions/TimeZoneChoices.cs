using MinistryMonitor.Core.Delivery;

namespace MinistryMonitor.Web.Subscriptions;

/// <summary>
/// The time zones the subscribe and manage forms offer, and the one they suggest. No script runs on these pages, so
/// the browser's own zone cannot be read; the suggestion comes from Accept-Language instead: the region of the first
/// tag that names one we know ("ru-RU" → Europe/Moscow, "en-US" → America/New_York), else its language ("az" →
/// Asia/Baku), else UTC. The subscriber sees the suggestion selected and can pick any other zone.
/// </summary>
public static class TimeZoneChoices
{
    /// <summary>The zones of the ministries watched by default, listed first: most subscribers read them in one of these.</summary>
    public static readonly IReadOnlyList<string> Ministries =
        ["Asia/Baku", "Asia/Yerevan", "Europe/Moscow", "Europe/London", "Europe/Paris", "America/New_York", "UTC"];

    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AZ"] = "Asia/Baku", ["AM"] = "Asia/Yerevan", ["RU"] = "Europe/Moscow", ["GE"] = "Asia/Tbilisi", ["TR"] = "Europe/Istanbul",
        ["IR"] = "Asia/Tehran", ["KZ"] = "Asia/Almaty", ["UA"] = "Europe/Kyiv", ["GB"] = "Europe/London", ["IE"] = "Europe/Dublin",
        ["FR"] = "Europe/Paris", ["DE"] = "Europe/Berlin", ["BE"] = "Europe/Brussels", ["NL"] = "Europe/Amsterdam", ["CH"] = "Europe/Zurich",
        ["AT"] = "Europe/Vienna", ["IT"] = "Europe/Rome", ["ES"] = "Europe/Madrid", ["PL"] = "Europe/Warsaw", ["SE"] = "Europe/Stockholm",
        ["US"] = "America/New_York", ["CA"] = "America/Toronto", ["AU"] = "Australia/Sydney", ["IN"] = "Asia/Kolkata",
        ["CN"] = "Asia/Shanghai", ["JP"] = "Asia/Tokyo",
    };

    private static readonly Dictionary<string, string> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["az"] = "Asia/Baku", ["hy"] = "Asia/Yerevan", ["ru"] = "Europe/Moscow", ["ka"] = "Asia/Tbilisi", ["tr"] = "Europe/Istanbul",
        ["fa"] = "Asia/Tehran", ["kk"] = "Asia/Almaty", ["uk"] = "Europe/Kyiv", ["fr"] = "Europe/Paris", ["de"] = "Europe/Berlin",
        ["it"] = "Europe/Rome", ["es"] = "Europe/Madrid", ["pl"] = "Europe/Warsaw", ["nl"] = "Europe/Amsterdam", ["sv"] = "Europe/Stockholm",
        ["ja"] = "Asia/Tokyo", ["zh"] = "Asia/Shanghai",
    };

    private static readonly HashSet<string> Areas = new(StringComparer.Ordinal)
    {
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific",
    };

    private static readonly Lazy<IReadOnlyList<string>> AllZones = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId && Areas.Contains(z.Id.Split('/')[0]))
        .Select(z => z.Id)
        .Where(id => !Ministries.Contains(id))
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>Every other IANA zone of this machine's time zone database, by area ("Africa/…", "America/…"), sorted.</summary>
    public static IReadOnlyList<string> Others => AllZones.Value;

    /// <summary>The zone to preselect for a browser sending this Accept-Language header (see the type's summary).</summary>
    public static string Suggest(string? acceptLanguage)
    {
        foreach (var part in (acceptLanguage ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var subtags = part.Split(';')[0].Trim().Split('-');
            // The region is the last two-letter subtag after the language ("sr-Latn-RS" → RS).
            var country = subtags.Skip(1).LastOrDefault(s => s.Length == 2);
            if (country is not null && ByCountry.TryGetValue(country, out var zone) && Exists(zone)) return zone;
            if (ByLanguage.TryGetValue(subtags[0], out zone) && Exists(zone)) return zone;
        }
        return "UTC";
    }

    /// <summary>How an option reads: "Baku time (Asia/Baku)"; the id alone for the long list.</summary>
    public static string Label(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && EmailLocale.FriendlyName(zone) is var name && name != id ? $"{name} ({id})" : id;

    private static bool Exists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
