using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Web.Archive;

/// <summary>The filters of <c>GET /api/statements</c> and of the reader's front page; all optional.</summary>
/// <param name="Q">Words to search for in title and text, in any inflected form; ranks the results by relevance.</param>
public sealed record StatementFilter(
    string? Source = null,
    string? Topic = null,
    string? Language = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? Q = null);

/// <summary>A statement as listed by the API and the reader.</summary>
/// <param name="Snippet">For a search, the passage that matched, with the matched words as ranges (plain text: encode it).</param>
/// <param name="WithdrawnAt">When the statement was found withdrawn from the ministry's site (listings; search hits do not carry it yet).</param>
/// <param name="FirstSeen">When the monitor first archived it (listings; search hits do not carry it): where an undated statement is listed.</param>
public sealed record StatementListItem(
    string Source,
    string SourceName,
    string Id,
    string? Title,
    Uri Url,
    DateTimeOffset? Published,
    int Version,
    IReadOnlyList<string> Topics,
    string? Language,
    Snippet? Snippet = null,
    DateTimeOffset? WithdrawnAt = null,
    DateTimeOffset? FirstSeen = null);

/// <summary>
/// The one listing behind the front page and <c>GET /api/statements</c>: the catalogue's time-partitioned pages
/// when there is nothing to search for, the search index's ranked pages when there is.
/// </summary>
public sealed class StatementBrowser(IArchiveCatalog catalog, IArchiveSearch search, SourceNames names)
{
    /// <exception cref="InvalidContinuationTokenException">The token was not issued for this listing.</exception>
    public async Task<Page<StatementListItem>> ListAsync(StatementFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = new StatementQuery
        {
            Text = filter.Q, SourceId = filter.Source, TopicId = filter.Topic, Language = filter.Language,
            Since = filter.Since, Until = filter.Until, PageSize = pageSize, ContinuationToken = continuationToken,
        };
        if (string.IsNullOrWhiteSpace(filter.Q))
        {
            var page = await catalog.ListStatementsAsync(query, cancellationToken);
            return new Page<StatementListItem>(page.Items.Select(s => new StatementListItem(s.SourceId, names.Of(s.SourceId), s.StatementId,
                s.Title, s.Url, s.Published, s.Version, s.Topics, s.Language, WithdrawnAt: s.WithdrawnAt, FirstSeen: s.FirstSeen)).ToList(), page.ContinuationToken);
        }

        var results = await search.SearchAsync(query, cancellationToken);
        return new Page<StatementListItem>(results.Hits.Select(h => new StatementListItem(h.SourceId, names.Of(h.SourceId), h.StatementId,
            h.Title, h.Url, h.Published, h.Version, h.Topics, h.Language, h.Snippet)).ToList(), results.ContinuationToken);
    }
}
