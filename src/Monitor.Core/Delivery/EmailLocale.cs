using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Delivery;

/// <summary>
/// How a subscriber's e-mails write dates and which language they declare: the words are English, so the locale is
/// an English one (<c>en</c>, <c>en-GB</c>, <c>en-US</c> …), picked from the browser's Accept-Language when they
/// subscribed; times are in their IANA time zone, named as people say it ("Baku time"), never as an offset.
/// </summary>
public sealed partial record EmailLocale(string Language, TimeZoneInfo Zone)
{
    public const string DefaultLanguage = "en";

    public static readonly EmailLocale Default = new(DefaultLanguage, TimeZoneInfo.Utc);

    /// <summary>The locale of a stored language tag and IANA zone id; an unknown zone falls back to UTC rather than losing the e-mail.</summary>
    public static EmailLocale For(string? language, string? timeZoneId) =>
        new(IsSupported(language) ? language! : DefaultLanguage,
            timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);

    /// <summary>English, alone or with a region (the only language the e-mails are written in).</summary>
    public static bool IsSupported(string? language) => language is not null && EnglishTag().IsMatch(language);

    /// <summary>The first English tag of an Accept-Language header ("ru-RU,en-GB;q=0.8" → "en-GB"), else <see cref="DefaultLanguage"/>.</summary>
    public static string FromAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tag = part.Split(';')[0].Trim();
            if (IsSupported(tag)) return tag.Length == 2 ? "en" : "en-" + tag[3..].ToUpperInvariant();
        }
        return DefaultLanguage;
    }

    private bool IsUnitedStates => Language.Equals("en-US", StringComparison.OrdinalIgnoreCase);

    private CultureInfo Culture => CultureInfo.GetCultureInfo(Language);

    /// <summary>"3 December 2026, 14:05 Baku time" (en-US: "December 3, 2026, 2:05 PM Baku time").</summary>
    public string When(DateTimeOffset at) => $"{Local(at).ToString(IsUnitedStates ? "MMMM d, yyyy, h:mm tt" : "d MMMM yyyy, HH:mm", Culture)} {ZoneName}";

    /// <summary>"3 December 2026" (en-US: "December 3, 2026").</summary>
    public string Day(DateTimeOffset at) => Local(at).ToString(IsUnitedStates ? "MMMM d, yyyy" : "d MMMM yyyy", Culture);

    /// <summary>"08:00" (en-US: "8:00 AM") of an hour of the day.</summary>
    public string Hour(int hour) => new System.DateTime(2000, 1, 1, hour, 0, 0, DateTimeKind.Unspecified).ToString(IsUnitedStates ? "h:mm tt" : "HH:mm", Culture);

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public string And(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>The zone as people say it: "Baku time", "New York time", "UTC".</summary>
    public string ZoneName => FriendlyName(Zone);

    public static string FriendlyName(TimeZoneInfo zone)
    {
        var id = zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
        if (id is "UTC" or "Etc/UTC" or "Etc/GMT" or "GMT" or "Etc/Universal" or "Etc/Zulu" or "Universal" or "Zulu" || zone == TimeZoneInfo.Utc) return "UTC";
        if (id.StartsWith("Etc/", StringComparison.Ordinal))
        {
            var offset = zone.BaseUtcOffset;
            return $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset.Duration():h\\:mm}";
        }
        return id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time";
    }

    private System.DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    [GeneratedRegex("^en(-[A-Za-z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishTag();
}
