namespace MinistryMonitor.Core.Extraction;

/// <summary>Normalises a JSON-LD articleBody to the extractor's text form (paragraphs joined by a blank line).</summary>
internal static class JsonLdBody
{
    public static string ToParagraphs(string? articleBody)
    {
        if (string.IsNullOrWhiteSpace(articleBody)) return string.Empty;
        // articleBody is plain text by the schema, but some sites put HTML in it: strip tags the cheap way.
        var text = articleBody.Contains('<') ? StripTags(articleBody) : articleBody;
        var lines = text.Split('\n')
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join("\n\n", lines);
    }

    private static string StripTags(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument(html);
        return document.Body is { } body ? BlockTextWriter.Write(body).Replace("\n\n", "\n", StringComparison.Ordinal) : html;
    }
}
