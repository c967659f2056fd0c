using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Css.Parser;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Sources;

/// <summary>Loads and validates <c>sources.json</c>.</summary>
public static partial class SourceCatalog
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan DefaultRecheckWindow = TimeSpan.FromHours(48);
    public static readonly TimeSpan DefaultSitemapMaxAge = TimeSpan.FromDays(30);
    public const int DefaultCatchUpPages = 5;
    public const int MaxCatchUpPages = 50;

    public static IReadOnlyList<Source> Load(string path) => Parse(ConfigurationJson.ReadFile(path), path);

    public static IReadOnlyList<Source> Parse(string json, string fileName)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return ConfigurationJson.ReadEntries(json, fileName, "sources", (item, label) =>
        {
            var source = ParseSource(item, fileName, label);
            return ids.Add(source.Id) ? source : throw new ConfigurationFileException(fileName, source.Id, "id", "duplicate id");
        });
    }

    private static Source ParseSource(JsonElement item, string file, string label)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new ConfigurationFileException(file, label, null, "each source must be an object");

        var id = String(item, "id", file, label) ?? throw new ConfigurationFileException(file, label, "id", "missing");
        if (!IdPattern().IsMatch(id))
            throw new ConfigurationFileException(file, id, "id", "use lower-case letters, digits and '-' only (it becomes part of blob paths)");
        var name = String(item, "name", file, id) ?? throw new ConfigurationFileException(file, id, "name", "missing");
        var language = String(item, "language", file, id) ?? throw new ConfigurationFileException(file, id, "language", "missing (an ISO 639-1 code such as \"en\", \"ru\", \"az\")");

        Uri? feed = null;
        var feedText = String(item, "feed", file, id);
        if (feedText is not null) feed = AbsoluteUrl(feedText, file, id, "feed");

        Uri? sitemap = null;
        var sitemapText = String(item, "sitemap", file, id);
        if (sitemapText is not null) sitemap = AbsoluteUrl(sitemapText, file, id, "sitemap");

        SourceListing? listing = null;
        if (item.TryGetProperty("listing", out var listingElement))
        {
            if (listingElement.ValueKind != JsonValueKind.Object)
                throw new ConfigurationFileException(file, id, "listing", "expected an object with \"url\" and \"links\"");
            var url = String(listingElement, "url", file, id) ?? throw new ConfigurationFileException(file, id, "listing.url", "missing");
            var links = String(listingElement, "links", file, id) ?? throw new ConfigurationFileException(file, id, "listing.links", "missing (a CSS selector for the statement links)");
            listing = new SourceListing(AbsoluteUrl(url, file, id, "listing.url"), Selector(links, file, id, "listing.links")!,
                Selector(String(listingElement, "next", file, id), file, id, "listing.next"));
        }

        if ((feed is null ? 0 : 1) + (sitemap is null ? 0 : 1) + (listing is null ? 0 : 1) != 1)
            throw new ConfigurationFileException(file, id, "feed", "give exactly one of \"feed\", \"sitemap\" or \"listing\"");

        TimeSpan? maxAge = null;
        if (item.TryGetProperty("maxAgeDays", out var days))
        {
            if (sitemap is null) throw new ConfigurationFileException(file, id, "maxAgeDays", "only a sitemap source has it (how old a sitemap entry may be to be fetched)");
            if (days.ValueKind != JsonValueKind.Number || !days.TryGetInt32(out var d) || d < 1 || d > 3650)
                throw new ConfigurationFileException(file, id, "maxAgeDays", "expected a whole number of days between 1 and 3650");
            maxAge = TimeSpan.FromDays(d);
        }

        var selectors = ExtractionSelectors.None;
        if (item.TryGetProperty("selectors", out var sel))
        {
            if (sel.ValueKind != JsonValueKind.Object)
                throw new ConfigurationFileException(file, id, "selectors", "expected an object with \"title\", \"date\", \"body\" and/or \"documentNumber\"");
            selectors = new ExtractionSelectors(
                Selector(String(sel, "title", file, id), file, id, "selectors.title"),
                Selector(String(sel, "date", file, id), file, id, "selectors.date"),
                Selector(String(sel, "body", file, id), file, id, "selectors.body"),
                Selector(String(sel, "documentNumber", file, id), file, id, "selectors.documentNumber"));
        }

        var interval = DefaultInterval;
        if (item.TryGetProperty("intervalMinutes", out var minutes))
        {
            if (minutes.ValueKind != JsonValueKind.Number || !minutes.TryGetInt32(out var m) || m < 1 || m > 7 * 24 * 60)
                throw new ConfigurationFileException(file, id, "intervalMinutes", "expected a whole number of minutes between 1 and 10080");
            interval = TimeSpan.FromMinutes(m);
        }

        TimeSpan? recheck = null;
        if (item.TryGetProperty("recheckHours", out var hours))
        {
            if (hours.ValueKind != JsonValueKind.Number || !hours.TryGetInt32(out var h) || h < 0 || h > 24 * 90)
                throw new ConfigurationFileException(file, id, "recheckHours", "expected a whole number of hours between 0 and 2160");
            recheck = TimeSpan.FromHours(h);
        }

        int? catchUpPages = null;
        if (item.TryGetProperty("catchUpPages", out var pages))
        {
            if (pages.ValueKind != JsonValueKind.Number || !pages.TryGetInt32(out var p) || p < 1 || p > MaxCatchUpPages)
                throw new ConfigurationFileException(file, id, "catchUpPages", $"expected a whole number of pages between 1 (no catch-up) and {MaxCatchUpPages}");
            catchUpPages = p;
        }

        var enabled = true;
        if (item.TryGetProperty("enabled", out var enabledElement))
        {
            if (enabledElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new ConfigurationFileException(file, id, "enabled", "expected true or false");
            enabled = enabledElement.GetBoolean();
        }

        return new Source(id, name, language, feed, listing, selectors, interval, enabled, recheck, SourceRequestFields.Parse(item, file, id), sitemap, maxAge, catchUpPages);
    }

    internal static string? String(JsonElement item, string name, string file, string entry)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new ConfigurationFileException(file, entry, name, $"expected a string, found {value.ValueKind.ToString().ToLowerInvariant()}");
        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }

    private static Uri AbsoluteUrl(string text, string file, string id, string field)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ConfigurationFileException(file, id, field, $"'{text}' is not an absolute http(s) URL");
        return uri;
    }

    private static string? Selector(string? selector, string file, string id, string field)
    {
        if (selector is null) return null;
        if (new CssSelectorParser().ParseSelector(selector) is null)
            throw new ConfigurationFileException(file, id, field, $"'{selector}' is not a valid CSS selector");
        return selector;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}
