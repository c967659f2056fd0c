using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Archive;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace MinistryMonitor.Infrastructure.Search;

/// <summary>
/// The embedded search back end: a Lucene.Net index on local disk, one document per statement (its latest version),
/// analysed by <see cref="ArchiveAnalyzer"/>. The writer is opened on the first write only, so a process that just
/// searches (e.g. <c>monitor serve</c> beside <c>monitor run</c>) takes no write lock and sees each commit.
/// </summary>
public sealed class LuceneArchiveSearch : IArchiveSearch, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const float TitleBoost = 2f;
    private readonly LuceneDirectory directory;
    private readonly ArchiveAnalyzer analyzer = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly System.Threading.Lock searcherLock = new();
    private readonly ILogger<LuceneArchiveSearch> logger;
    private readonly System.Threading.Lock pendingLock = new();
    private List<PendingWrite> pending = [];

    /// <summary>How many callers wait for the next commit; lets a test hold a commit open and see the others queue behind it.</summary>
    internal int PendingCount { get { lock (pendingLock) return pending.Count; } }

    /// <summary>The one-writer lock, so a test can stand in for a commit in progress.</summary>
    internal SemaphoreSlim WriteLock => writeLock;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public LuceneArchiveSearch(IOptions<SearchOptions> options, IHostEnvironment environment, ILogger<LuceneArchiveSearch> logger)
    {
        this.logger = logger;
        var o = options.Value;
        if (o.InMemory)
        {
            directory = new RAMDirectory();
            return;
        }
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.IndexPath));
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
    }

    /// <summary>
    /// Returns once the documents are committed. Callers that arrive while a commit runs are written together in the
    /// next one (a group commit): each commit flushes a segment and syncs it to disk, and one per statement cost
    /// about a fifth of the pipeline's CPU in segments, merges and fsyncs.
    /// </summary>
    public async Task IndexAsync(IReadOnlyList<ArchiveDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        var request = new PendingWrite(documents);
        lock (pendingLock) pending.Add(request);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            // An earlier caller's commit may have taken these documents already.
            if (!request.Done.Task.IsCompleted) CommitPending();
        }
        finally
        {
            writeLock.Release();
        }
        await request.Done.Task;
    }

    private void CommitPending()
    {
        List<PendingWrite> batch;
        lock (pendingLock)
        {
            batch = pending;
            pending = [];
        }
        try
        {
            Write(batch.SelectMany(b => b.Documents));
            foreach (var request in batch) request.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            // Every caller in the group hears of the failure; their messages are retried, and writing is idempotent.
            foreach (var request in batch) request.Done.TrySetException(ex);
        }
    }

    private void Write(IEnumerable<ArchiveDocument> documents)
    {
        var w = Writer();
        var searcherManager = Searchers()!;
        searcherManager.MaybeRefreshBlocking();
        var searcher = searcherManager.Acquire();
        try
        {
            foreach (var document in documents.GroupBy(LuceneFields.Key).Select(g => g.MaxBy(d => d.Version)!))
            {
                var key = LuceneFields.Key(document);
                var existing = searcher.Search(new TermQuery(new Term(LuceneFields.KeyField, key)), 1);
                if (existing.TotalHits > 0 && LuceneFields.VersionOf(searcher.Doc(existing.ScoreDocs[0].Doc)) > document.Version)
                {
                    logger.LogInformation("Not indexing version {Version} of {Key}: a later version is indexed", document.Version, key);
                    continue;
                }
                w.UpdateDocument(new Term(LuceneFields.KeyField, key), LuceneFields.ToDocument(document), analyzer);
            }
        }
        finally
        {
            searcherManager.Release(searcher);
        }
        w.Commit();
        searcherManager.MaybeRefreshBlocking();
    }

    private sealed record PendingWrite(IReadOnlyList<ArchiveDocument> Documents)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<SearchResults> SearchAsync(StatementQuery query, CancellationToken cancellationToken)
    {
        var words = ArchiveText.QueryWords(query.Text ?? string.Empty);
        var pageSize = Paging.Clamp(query.PageSize);
        var offset = SearchPaging.Offset(query);
        if (words.Count == 0 || Searchers() is not { } manager) return Task.FromResult(new SearchResults([], 0, null));

        manager.MaybeRefresh();
        var searcher = manager.Acquire();
        try
        {
            var top = searcher.Search(LuceneFields.Query(words, TitleBoost), LuceneFields.Filter(query), offset + pageSize);
            var keys = words.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
            var hits = top.ScoreDocs.Skip(offset).Select(d =>
            {
                var doc = searcher.Doc(d.Doc);
                return LuceneFields.ToHit(doc, d.Score, ArchiveText.Snippet(doc.Get(LuceneFields.Text) ?? "", keys));
            }).ToList();
            var next = offset + hits.Count < top.TotalHits && hits.Count == pageSize ? SearchPaging.Next(query, offset + pageSize) : null;
            return Task.FromResult(new SearchResults(hits, top.TotalHits, next));
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    private IndexWriter Writer()
    {
        if (writer is not null) return writer;
        lock (searcherLock)
        {
            writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 48 });
            // Searches from now on see this writer's changes as soon as they are committed.
            var previous = searchers;
            searchers = new SearcherManager(writer, true, null);
            previous?.Dispose();
            return writer;
        }
    }

    /// <summary>Null while no index exists yet (nothing archived).</summary>
    private SearcherManager? Searchers()
    {
        if (searchers is not null) return searchers;
        lock (searcherLock)
        {
            if (searchers is null && DirectoryReader.IndexExists(directory)) searchers = new SearcherManager(directory, null);
            return searchers;
        }
    }

    public void Dispose()
    {
        searchers?.Dispose();
        writer?.Dispose();
        directory.Dispose();
        analyzer.Dispose();
        writeLock.Dispose();
    }
}
