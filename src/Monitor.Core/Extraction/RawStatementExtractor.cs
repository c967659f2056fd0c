using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Sources;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Turns a statement's raw HTML into text and metadata with the source's selectors or the generic extractor,
/// and fills what the page lacks from the feed item (title, date, author).
/// </summary>
public sealed class RawStatementExtractor(IStatementExtractor extractor, ILogger<RawStatementExtractor> logger)
{
    public ExtractedStatement Extract(Source source, RawStatement raw)
    {
        ExtractedStatement extracted;
        try
        {
            if (raw.FeedItem is { ContentHtml: { } fragment })
            {
                extracted = extractor.Extract(fragment, raw.Url, ExtractionSelectors.None);
            }
            else
            {
                using var stream = new MemoryStream(raw.Content);
                extracted = extractor.Extract(stream, raw.ContentType, raw.Url, source.Selectors, source.Language);
            }
        }
        catch (ExtractionException ex)
        {
            // Retrying cannot fix the page, and dropping it would lose the statement: archive the raw page with no
            // text and the reason, and let a later fetch of a repaired page become the next version.
            logger.LogWarning(ex, "No text could be extracted from {Url} of {SourceId}", raw.Url, source.Id);
            extracted = new ExtractedStatement(null, string.Empty, null, null, null, null, ExtractedStatement.FailedMethod) { Error = ex.Message };
        }

        if (raw.FeedItem is { } item)
        {
            extracted = extracted with
            {
                Title = item.Title ?? extracted.Title,
                Published = item.Published ?? extracted.Published,
                Author = extracted.Author ?? item.Author,
            };
        }
        extracted = extracted with { Language = extracted.Language ?? source.Language };

        if (extracted.Text.Length == 0 && extracted.Error is null)
            logger.LogWarning("No text extracted from {Url} of {SourceId} (method {Method}); archiving the raw page anyway", raw.Url, source.Id, extracted.Method);
        return extracted;
    }
}
