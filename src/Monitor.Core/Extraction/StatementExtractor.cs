using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// The extraction stage: parses a page (or a feed item's HTML fragment) with AngleSharp and returns its body text
/// and metadata. The body comes from the source's CSS selectors when they match, else from the page's JSON-LD
/// articleBody when the generic extractor finds clearly less, else from <see cref="GenericContentExtractor"/>.
/// Every walk over the DOM is iterative, so absurdly deep markup cannot overflow the stack.
/// </summary>
public sealed class StatementExtractor : IStatementExtractor
{
    public const string SelectorsMethod = "selectors";
    public const string GenericMethod = "generic";
    public const string JsonLdMethod = "json-ld";
    public const string FragmentMethod = "fragment";

    /// <summary>JSON-LD articleBody wins only when it is this much longer than what the page layout yielded.</summary>
    private const double JsonLdPreferenceRatio = 1.5;

    private const int FragmentSniffChars = 2048;

    private readonly ExtractionLimits _limits;

    public StatementExtractor() : this(ExtractionLimits.Default) { }

    public StatementExtractor(ExtractionLimits limits) => _limits = limits;

    public ExtractedStatement Extract(string html, Uri? pageUrl = null, ExtractionSelectors? selectors = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (string.IsNullOrWhiteSpace(html)) throw new ExtractionException("The page is empty.");
        if (html.AsSpan(0, Math.Min(html.Length, 8192)).Contains('\0'))
            throw new ExtractionException("The content is binary (it contains NUL characters), not HTML.");
        var truncated = html.Length > _limits.MaxParsedChars;
        return ExtractDecoded(truncated ? html[.._limits.MaxParsedChars] : html, selectors) with { Truncated = truncated };
    }

    public ExtractedStatement Extract(Stream content, string? contentType, Uri? pageUrl = null, ExtractionSelectors? selectors = null, string? language = null)
    {
        var decoded = HtmlDecoder.Decode(content, contentType, _limits, language);
        if (string.IsNullOrWhiteSpace(decoded.Html)) throw new ExtractionException("The page is empty.");
        return ExtractDecoded(decoded.Html, selectors) with { Truncated = decoded.Truncated };
    }

    /// <summary>Only the body text, by the generic extractor (what the benchmarks score).</summary>
    public string ExtractBodyText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parse(html);
        return document.Body is { } body ? DateLines.Strip(GenericContentExtractor.Extract(body)) : string.Empty;
    }

    private ExtractedStatement ExtractDecoded(string html, ExtractionSelectors? selectors)
    {
        selectors ??= ExtractionSelectors.None;
        using var document = Parse(html);
        var metadata = MetadataReader.Read(document);

        var (text, method) = ExtractBody(document, html, selectors, metadata);
        var title = SelectText(document, selectors.Title) ?? TitleResolver.Resolve(metadata);
        var language = LanguageResolver.Resolve(metadata, text);
        var monthFirst = language is not null && language.StartsWith("en-US", StringComparison.OrdinalIgnoreCase);
        var published = SelectDate(document, selectors.Date, monthFirst)
            ?? PublicationDateResolver.Resolve(metadata, text, monthFirst);
        var author = AuthorResolver.Resolve(metadata, text);
        // The date and author were read from the body's opening above; only now are its date lines dropped.
        if (method == GenericMethod) text = DateLines.Strip(text);
        var number = SelectText(document, selectors.DocumentNumber) ?? DocumentNumberFinder.Find(title, text);
        return new ExtractedStatement(title, text, published, language, author, number, method);
    }

    private static (string Text, string Method) ExtractBody(IDocument document, string html, ExtractionSelectors selectors, PageMetadata metadata)
    {
        if (selectors.Body is { } bodySelector && Select(document, bodySelector) is { Count: > 0 } matched)
        {
            var selected = BlockTextWriter.Write(matched);
            if (selected.Length > 0) return (selected, SelectorsMethod);
        }
        if (document.Body is not { } body) return (string.Empty, GenericMethod);
        if (IsFragment(html)) return (BlockTextWriter.Write(body), FragmentMethod);

        var text = GenericContentExtractor.Extract(body);
        var declared = JsonLdBody.ToParagraphs(metadata.JsonLd.ArticleBody);
        if (declared.Length > text.Length * JsonLdPreferenceRatio) return (declared, JsonLdMethod);
        return (text, GenericMethod);
    }

    /// <summary>A feed item's content is a few paragraphs without a document around them: all of it is the body.</summary>
    private static bool IsFragment(string html)
    {
        var head = html.AsSpan(0, Math.Min(html.Length, FragmentSniffChars));
        return !head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            && !head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            && !head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            && !head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            && !html.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    private IDocument Parse(string html)
    {
        html = NestingLimiter.Limit(html, _limits.MaxNestingDepth, out _);
        // A parser per call: the extractor is used from parallel workers and parsing dominates anyway.
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        return parser.ParseDocument(html);
    }

    private static string? SelectText(IDocument document, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector) || Select(document, selector) is not { Count: > 0 } matched) return null;
        var text = BlockTextWriter.Write(matched[0]).Replace("\n\n", " ", StringComparison.Ordinal).Trim();
        return text.Length == 0 ? null : text;
    }

    private static DateTimeOffset? SelectDate(IDocument document, string? selector, bool monthFirst)
    {
        if (string.IsNullOrWhiteSpace(selector) || Select(document, selector) is not { Count: > 0 } matched) return null;
        return PublicationDateResolver.FromElement(matched[0], monthFirst);
    }

    private static List<IElement> Select(IDocument document, string selector)
    {
        try
        {
            return [.. document.QuerySelectorAll(selector)];
        }
        catch (DomException e)
        {
            throw new ExtractionException($"The CSS selector '{selector}' is not valid: {e.Message}", e);
        }
    }
}
