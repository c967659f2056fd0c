using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>Collects meta tags, title, headings, time elements, bylines and JSON-LD in one iterative walk.</summary>
internal sealed partial class MetadataReader : IDomVisitor
{
    private const int MaxCollected = 8;

    [GeneratedRegex(@"date|time|publish|posted|dateline|meta", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatedName();

    [GeneratedRegex(@"byline|author|speaker|writer", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorName();

    private readonly PageMetadata _metadata = new();

    public static PageMetadata Read(IDocument document)
    {
        var reader = new MetadataReader();
        reader._metadata.HtmlLanguage = NonEmpty(document.DocumentElement?.GetAttribute("lang"))
            ?? NonEmpty(document.DocumentElement?.GetAttribute("xml:lang"));
        if (document.DocumentElement is { } root) DomWalker.Walk(root, reader);
        reader._metadata.JsonLd = JsonLdReader.Read(reader._metadata.JsonLdScripts);
        return reader._metadata;
    }

    public bool Enter(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                ReadMeta(element);
                return false;
            case "title":
                _metadata.DocumentTitle ??= NonEmpty(element.TextContent);
                return false;
            case "script":
                if (string.Equals(element.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                    _metadata.JsonLdScripts.Add(element.TextContent);
                return false;
            case "style" or "noscript" or "template" or "svg":
                return false;
            case "h1":
                Add(_metadata.Headings1, element);
                break;
            case "time":
                Add(_metadata.TimeElements, element);
                break;
        }
        if (string.Equals(element.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase))
            _metadata.DatedElements.Insert(0, element);
        var signature = Signature(element);
        if (signature.Length > 0)
        {
            if (DatedName().IsMatch(signature)) Add(_metadata.DatedElements, element);
            if (AuthorName().IsMatch(signature) || element.GetAttribute("rel") == "author") Add(_metadata.AuthorElements, element);
        }
        return true;
    }

    public void Exit(IElement element) { }

    public void Text(IText text) { }

    private void ReadMeta(IElement element)
    {
        var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop")
            ?? element.GetAttribute("http-equiv");
        var content = element.GetAttribute("content");
        if (string.IsNullOrWhiteSpace(key) || content is null) return;
        _metadata.Meta.TryAdd(key.Trim().ToLowerInvariant(), content);
    }

    private static string Signature(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        if (string.IsNullOrEmpty(cls)) return id ?? string.Empty;
        return string.IsNullOrEmpty(id) ? cls : cls + " " + id;
    }

    private static void Add(List<IElement> list, IElement element)
    {
        if (list.Count < MaxCollected) list.Add(element);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
