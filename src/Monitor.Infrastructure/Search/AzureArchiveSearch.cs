using System.Text;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Models;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Archive;
using AzureSearchOptions = Azure.Search.Documents.SearchOptions;

namespace MinistryMonitor.Infrastructure.Search;

/// <summary>
/// The Azure back end: the pipeline pushes each archived version into an Azure AI Search index with the app's
/// managed identity (no blob indexer: that needs the search service's own identity, hence the Basic tier, and
/// shared-key access to storage). The index is created on first use. Calls per published version: one lookup of
/// the indexed version (so a redelivered older version never replaces a newer one) and one upload.
/// </summary>
public sealed class AzureArchiveSearch(SearchIndexClient indexes, string indexName, ILogger<AzureArchiveSearch> logger) : IArchiveSearch
{
    private readonly SemaphoreSlim ensure = new(1, 1);
    private volatile bool indexReady;

    private SearchClient Client => indexes.GetSearchClient(indexName);

    public async Task IndexAsync(IReadOnlyList<ArchiveDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        await EnsureIndexAsync(cancellationToken);
        var latest = documents.GroupBy(Key).Select(g => g.MaxBy(d => d.Version)!).ToList();
        var indexed = await IndexedVersionsAsync(latest.Select(Key).ToList(), cancellationToken);
        var upload = latest.Where(d => !indexed.TryGetValue(Key(d), out var v) || v <= d.Version).Select(ToDocument).ToList();
        if (upload.Count < latest.Count) logger.LogInformation("{Count} older versions not indexed: later versions are", latest.Count - upload.Count);
        if (upload.Count == 0) return;
        await Client.IndexDocumentsAsync(IndexDocumentsBatch.MergeOrUpload(upload), new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
    }

    public async Task<SearchResults> SearchAsync(StatementQuery query, CancellationToken cancellationToken)
    {
        var words = ArchiveText.QueryWords(query.Text ?? string.Empty);
        var pageSize = Paging.Clamp(query.PageSize);
        var offset = SearchPaging.Offset(query);
        if (words.Count == 0) return new SearchResults([], 0, null);
        await EnsureIndexAsync(cancellationToken);

        var options = new AzureSearchOptions
        {
            QueryType = SearchQueryType.Full,
            SearchMode = SearchMode.All,
            ScoringProfile = AzureSearchIndexSchema.ScoringProfile,
            Filter = Filter(query),
            Size = pageSize,
            Skip = offset,
            IncludeTotalCount = true,
        };
        options.SearchFields.Add("titleKeys");
        options.SearchFields.Add("textKeys");
        foreach (var field in new[] { "sourceId", "statementId", "version", "title", "text", "url", "published", "language", "topics" }) options.Select.Add(field);

        var response = await Client.SearchAsync<SearchDocument>(QueryText(words), options, cancellationToken);
        var keys = words.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        var hits = new List<SearchHit>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
            hits.Add(ToHit(result.Document, result.Score ?? 0, keys));
        var total = response.Value.TotalCount ?? hits.Count;
        var next = hits.Count == pageSize && offset + pageSize < total ? SearchPaging.Next(query, offset + pageSize) : null;
        return new SearchResults(hits, total, next);
    }

    /// <summary>Each word is any of its keys; all words must match (Lucene syntax, keys escaped).</summary>
    internal static string QueryText(IReadOnlyList<IReadOnlyList<string>> words) =>
        string.Join(" AND ", words.Select(keys => "(" + string.Join(" OR ", keys.Select(Escape)) + ")"));

    internal static string? Filter(StatementQuery query)
    {
        var parts = new List<string>();
        if (query.SourceId is { } source) parts.Add(SearchFilter.Create($"sourceId eq {source}"));
        if (query.Language is { } language) parts.Add(SearchFilter.Create($"language eq {language}"));
        if (query.TopicId is { } topic) parts.Add(SearchFilter.Create($"topics/any(t: t eq {topic})"));
        if (query.Since is { } since) parts.Add(SearchFilter.Create($"listedAt ge {since}"));
        if (query.Until is { } until) parts.Add(SearchFilter.Create($"listedAt lt {until}"));
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    /// <summary>Document keys allow letters, digits, '_', '-' and '='; source ids and statement ids use only those.</summary>
    internal static string Key(ArchiveDocument d) => d.SourceId + "_" + d.StatementId;

    internal static SearchDocument ToDocument(ArchiveDocument d) => new()
    {
        ["id"] = Key(d),
        ["sourceId"] = d.SourceId,
        ["statementId"] = d.StatementId,
        ["version"] = d.Version,
        ["title"] = d.Title,
        ["text"] = d.Text,
        ["titleKeys"] = KeysText(d.Title ?? ""),
        ["textKeys"] = KeysText(d.Text),
        ["url"] = d.Url.AbsoluteUri,
        ["published"] = d.Published,
        ["listedAt"] = d.Published ?? d.ArchivedAt,
        ["language"] = d.Language,
        ["topics"] = d.Topics.ToArray(),
        ["archivedAt"] = d.ArchivedAt,
    };

    private static string KeysText(string text)
    {
        var sb = new StringBuilder();
        foreach (var word in ArchiveText.Words(text))
            foreach (var key in word.Keys)
                sb.Append(key).Append(' ');
        return sb.ToString();
    }

    private static SearchHit ToHit(SearchDocument doc, double score, IReadOnlySet<string> keys) => new(
        doc.GetString("sourceId"),
        doc.GetString("statementId"),
        doc.GetInt32("version") ?? 0,
        doc.GetString("title"),
        new Uri(doc.GetString("url")),
        doc.GetDateTimeOffset("published"),
        doc.GetString("language"),
        doc.TryGetValue("topics", out var topics) && topics is IEnumerable<object> list ? list.Select(t => t.ToString()!).ToList() : [],
        score,
        ArchiveText.Snippet(doc.GetString("text") ?? "", keys));

    private static string Escape(string key)
    {
        var sb = new StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            if (@"+-&|!(){}[]^""~*?:\/".Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    private async Task<Dictionary<string, int>> IndexedVersionsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var options = new AzureSearchOptions { Filter = $"search.in(id, '{string.Join(',', keys)}', ',')", Size = keys.Count };
        options.Select.Add("id");
        options.Select.Add("version");
        var response = await Client.SearchAsync<SearchDocument>("*", options, cancellationToken);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
            versions[result.Document.GetString("id")] = result.Document.GetInt32("version") ?? 0;
        return versions;
    }

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (indexReady) return;
        await ensure.WaitAsync(cancellationToken);
        try
        {
            if (indexReady) return;
            await indexes.CreateOrUpdateIndexAsync(AzureSearchIndexSchema.Create(indexName), cancellationToken: cancellationToken);
            logger.LogInformation("Azure AI Search index {IndexName} is ready at {Endpoint}", indexName, indexes.Endpoint);
            indexReady = true;
        }
        catch (RequestFailedException ex)
        {
            throw new InvalidOperationException($"Could not create or update the search index '{indexName}' at {indexes.Endpoint}: {ex.Status} {ex.ErrorCode}. " +
                "The app's identity needs the Search Service Contributor role on the search service.", ex);
        }
        finally
        {
            ensure.Release();
        }
    }
}
