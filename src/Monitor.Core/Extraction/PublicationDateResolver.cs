using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// The publication date, from the most to the least explicit source: publication metadata, JSON-LD, microdata,
/// time elements, elements named like a date line, the first date in the body's opening, modification metadata.
/// </summary>
internal static class PublicationDateResolver
{
    private const int BodyOpeningChars = 600;

    public static DateTimeOffset? Resolve(PageMetadata metadata, string bodyText, bool monthFirst)
    {
        return Parse(metadata.MetaValue(
                "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                "publish_date", "publication_date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created",
                "date", "sailthru.date", "parsely-pub-date", "citation_publication_date", "release_date"), monthFirst)
            ?? Parse(metadata.JsonLd.DatePublished, monthFirst)
            ?? FromElements(metadata.TimeElements, monthFirst)
            ?? FromElements(metadata.DatedElements, monthFirst)
            ?? Parse(bodyText.Length > BodyOpeningChars ? bodyText[..BodyOpeningChars] : bodyText, monthFirst)
            ?? Parse(metadata.MetaValue("article:modified_time", "og:updated_time", "datemodified", "last-modified"), monthFirst);
    }

    /// <summary>The date an element states: its machine-readable attribute first, then its visible text.</summary>
    public static DateTimeOffset? FromElement(IElement element, bool monthFirst) =>
        Parse(element.GetAttribute("datetime"), monthFirst)
        ?? Parse(element.GetAttribute("content"), monthFirst)
        ?? Parse(ShortText(element), monthFirst);

    private static DateTimeOffset? FromElements(IEnumerable<IElement> elements, bool monthFirst)
    {
        foreach (var element in elements)
            if (FromElement(element, monthFirst) is { } date) return date;
        return null;
    }

    private static string? ShortText(IElement element)
    {
        var text = BlockTextWriter.Write(element);
        // A "date" element holding a whole article is a layout wrapper, not a date line.
        return text.Length > 300 ? null : text;
    }

    private static DateTimeOffset? Parse(string? text, bool monthFirst) => DateParser.Parse(text, monthFirst);
}
