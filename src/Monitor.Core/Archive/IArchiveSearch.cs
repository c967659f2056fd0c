namespace MinistryMonitor.Core.Archive;

/// <summary>
/// Full-text search over archived statements: words in title and text, in inflected forms ("коридору" finds
/// "коридор"), ranked, with snippets. One document per statement, holding its latest version.
/// Back ends: Lucene.Net on local disk (default) and Azure AI Search (when <c>Search:Endpoint</c> is set).
/// </summary>
public interface IArchiveSearch
{
    /// <summary>
    /// Adds or replaces each statement's document. Idempotent; a version older than the one already indexed for
    /// its statement is ignored, so a redelivered message never rolls the index back.
    /// </summary>
    Task IndexAsync(IReadOnlyList<ArchiveDocument> documents, CancellationToken cancellationToken);

    /// <summary>Best matches first for the words in <see cref="StatementQuery.Text"/>, within its filters. A query without words returns no hits.</summary>
    Task<SearchResults> SearchAsync(StatementQuery query, CancellationToken cancellationToken);
}

/// <summary>What is indexed for one statement version.</summary>
public sealed record ArchiveDocument(
    string SourceId,
    string StatementId,
    int Version,
    string? Title,
    string Text,
    Uri Url,
    DateTimeOffset? Published,
    string? Language,
    IReadOnlyList<string> Topics,
    DateTimeOffset ArchivedAt);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, long TotalHits, string? ContinuationToken);

/// <param name="Snippet">A passage of the text around the best matches (plain text: encode it when showing it).</param>
public sealed record SearchHit(
    string SourceId,
    string StatementId,
    int Version,
    string? Title,
    Uri Url,
    DateTimeOffset? Published,
    string? Language,
    IReadOnlyList<string> Topics,
    double Score,
    Snippet Snippet);

/// <summary>Plain text with the matched words as ranges (UTF-16 offsets into <see cref="Text"/>), so a page can mark them after encoding.</summary>
public sealed record Snippet(string Text, IReadOnlyList<TextRange> Highlights)
{
    public static Snippet None { get; } = new(string.Empty, []);
}

public readonly record struct TextRange(int Start, int Length);
