namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Picks the statement's title: the page heading when the document title or og:title confirms it, else the
/// declared title (og:title, JSON-LD headline) or the document title without its site-name part.
/// </summary>
internal static class TitleResolver
{
    private static readonly string[] SiteSeparators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "];

    public static string? Resolve(PageMetadata metadata)
    {
        var declared = Clean(metadata.MetaValue("og:title", "twitter:title", "dc.title"))
            ?? Clean(metadata.JsonLd.Headline);
        var documentTitle = Clean(metadata.DocumentTitle);
        var headings = metadata.Headings1.Select(h => Clean(BlockTextWriter.Write(h))).OfType<string>().ToList();

        foreach (var heading in headings)
        {
            if (Confirms(documentTitle, heading) || Confirms(declared, heading)) return heading;
        }
        var siteName = Clean(metadata.MetaValue("og:site_name", "application-name"));
        if (declared is not null) return WithoutSiteName(declared, siteName);
        if (documentTitle is not null) return WithoutSiteName(documentTitle, siteName);
        return headings.FirstOrDefault();
    }

    private static bool Confirms(string? title, string heading) =>
        title is not null && heading.Length >= 4 && title.Contains(heading, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "Statement on X - News - Ministry" gives "Statement on X": the declared site name goes, and otherwise the
    /// longest part is taken as the page's own.
    /// </summary>
    private static string WithoutSiteName(string title, string? siteName)
    {
        foreach (var separator in SiteSeparators)
        {
            if (!title.Contains(separator, StringComparison.Ordinal)) continue;
            var parts = title.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (siteName is not null)
            {
                var own = parts.Where(p => !string.Equals(p, siteName, StringComparison.OrdinalIgnoreCase)).ToArray();
                if (own.Length > 0 && own.Length < parts.Length) return string.Join(separator, own);
            }
            var longest = parts.MaxBy(p => p.Length)!;
            // A short leftover part is a section or site name; a title split in halves is kept whole.
            if (longest.Length >= title.Length / 2) return longest;
        }
        return title;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed;
    }
}
