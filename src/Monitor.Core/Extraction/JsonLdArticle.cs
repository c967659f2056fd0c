namespace MinistryMonitor.Core.Extraction;

/// <summary>The fields of a schema.org Article (or WebPage) found in a page's JSON-LD.</summary>
internal sealed record JsonLdArticle(
    string? Headline,
    string? DatePublished,
    string? Author,
    string? ArticleBody,
    string? Language)
{
    public static readonly JsonLdArticle Empty = new(null, null, null, null, null);
}
