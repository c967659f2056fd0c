using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>Everything a page says about itself outside its body text, gathered in one walk.</summary>
internal sealed class PageMetadata
{
    /// <summary>meta name/property/itemprop (lower-cased) to content, first occurrence wins.</summary>
    public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);

    public string? DocumentTitle { get; set; }
    public string? HtmlLanguage { get; set; }
    public List<IElement> Headings1 { get; } = [];
    public List<IElement> TimeElements { get; } = [];
    public List<IElement> DatedElements { get; } = [];
    public List<IElement> AuthorElements { get; } = [];
    public List<string> JsonLdScripts { get; } = [];
    public JsonLdArticle JsonLd { get; set; } = JsonLdArticle.Empty;

    public string? MetaValue(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
            if (Meta.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        return null;
    }
}
