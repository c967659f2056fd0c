namespace Monitor.Core.Extraction;

/// <summary>Turns the HTML of a statement page (or a feed item's HTML fragment) into text and metadata.</summary>
public interface IStatementExtractor
{
    /// <summary>Extracts from already decoded HTML.</summary>
    ExtractedStatement Extract(string html, Uri? pageUrl = null, ExtractionSelectors? selectors = null);

    /// <summary>Extracts from raw bytes, detecting the encoding from the content type, BOM or meta tags.</summary>
    ExtractedStatement Extract(Stream content, string? contentType, Uri? pageUrl = null, ExtractionSelectors? selectors = null);
}
