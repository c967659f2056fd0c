namespace MinistryMonitor.Core.Extraction;

/// <summary>Element categories the extractor reasons with (AngleSharp gives lower-case local names).</summary>
internal static class HtmlTags
{
    /// <summary>Never part of a statement's text.</summary>
    public static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "button", "input", "select", "textarea", "option", "datalist", "head", "title", "meta", "link",
        "map", "dialog",
    };

    /// <summary>Page chrome by its semantics: navigation and complementary boxes.</summary>
    public static readonly HashSet<string> Chrome = new(StringComparer.Ordinal) { "nav", "aside", "menu" };

    /// <summary>Elements that start a new line of text (everything else flows inline).</summary>
    public static readonly HashSet<string> Block = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "frameset", "noframes",
    };

    /// <summary>Blocks that are a paragraph themselves; their container is what gets scored.</summary>
    public static readonly HashSet<string> Paragraph = new(StringComparer.Ordinal)
    {
        "p", "pre", "blockquote", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "figcaption", "address", "td", "th",
        "caption", "summary", "legend",
    };

    public static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    /// <summary>Containers Readability-style cleaning may drop when they look like boilerplate.</summary>
    public static readonly HashSet<string> ConditionallyCleaned = new(StringComparer.Ordinal)
    {
        "form", "fieldset", "table", "ul", "ol", "dl", "div", "section", "header", "footer", "figure",
    };
}
