namespace MinistryMonitor.Core.Extraction;

/// <summary>Turns the HTML of a statement page (or a feed item's HTML fragment) into text and metadata.</summary>
public interface IStatementExtractor
{
    /// <summary>Extracts from already decoded HTML.</summary>
    ExtractedStatement Extract(string html, Uri? pageUrl = null, ExtractionSelectors? selectors = null);

    /// <summary>
    /// Extracts from raw bytes, taking the encoding from the BOM, the content type or declarations, else detecting
    /// it (among the encodings of <paramref name="language"/> when given).
    /// </summary>
    ExtractedStatement Extract(Stream content, string? contentType, Uri? pageUrl = null, ExtractionSelectors? selectors = null, string? language = null);
}
