using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Core.Extraction;

/// <summary>
/// Extraction with AngleSharp: per-source selectors first, then a simple main-content guess
/// (article, main, or the element holding most paragraph text).
/// </summary>
public sealed class StatementExtractor : IStatementExtractor
{
    private static readonly HashSet<string> Noise = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "template",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br",
        "ul", "ol", "table", "dd", "dt", "figcaption", "main",
    };

    private readonly HtmlParser _parser = new();

    public ExtractedStatement Extract(string html, Uri? pageUrl = null, ExtractionSelectors? selectors = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = _parser.ParseDocument(html);
        return Extract(document, selectors ?? ExtractionSelectors.None);
    }

    public ExtractedStatement Extract(Stream content, string? contentType, Uri? pageUrl = null, ExtractionSelectors? selectors = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var document = _parser.ParseDocument(content);
        return Extract(document, selectors ?? ExtractionSelectors.None);
    }

    private static ExtractedStatement Extract(IDocument document, ExtractionSelectors selectors)
    {
        var title = Select(document, selectors.Title)?.TextContent.Trim()
            ?? document.QuerySelector("h1")?.TextContent.Trim()
            ?? (string.IsNullOrWhiteSpace(document.Title) ? null : document.Title.Trim());
        var dateText = Select(document, selectors.Date)?.TextContent.Trim()
            ?? document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        DateTimeOffset? published = DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        var language = document.DocumentElement.GetAttribute("lang");

        var method = "selectors";
        var body = Select(document, selectors.Body);
        if (body is null)
        {
            method = "generic";
            body = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        }

        var text = body is null ? string.Empty : ToText(body);
        return new ExtractedStatement(title, text, published, string.IsNullOrWhiteSpace(language) ? null : language, null, null, method);
    }

    private static IElement? Select(IDocument document, string? selector) =>
        string.IsNullOrWhiteSpace(selector) ? null : document.QuerySelector(selector);

    /// <summary>Flattens an element to text, one paragraph per block element, separated by blank lines.</summary>
    internal static string ToText(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, paragraphs, current);
        Flush(paragraphs, current);
        return string.Join("\n\n", paragraphs);
    }

    private static void Walk(INode node, List<string> paragraphs, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement element when Noise.Contains(element.LocalName):
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(paragraphs, current);
                    Walk(element, paragraphs, current);
                    Flush(paragraphs, current);
                    break;
                case IElement element:
                    Walk(element, paragraphs, current);
                    break;
            }
        }
    }

    private static void Flush(List<string> paragraphs, StringBuilder current)
    {
        var text = CollapseWhitespace(current.ToString());
        current.Clear();
        if (text.Length > 0) paragraphs.Add(text);
    }

    private static string CollapseWhitespace(string value)
    {
        var sb = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
