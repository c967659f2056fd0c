using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Infrastructure.Search;

/// <summary>How an <see cref="ArchiveDocument"/> is stored in Lucene, and the queries over it.</summary>
internal static class LuceneFields
{
    public const string KeyField = "key";
    public const string Source = "source";
    public const string Statement = "statement";
    public const string VersionField = "version";
    public const string Title = "title";
    public const string Text = "text";
    public const string Url = "url";
    public const string Published = "published";
    public const string ListedAt = "listed";
    public const string Language = "language";
    public const string Topic = "topic";

    public static string Key(ArchiveDocument d) => d.SourceId + "/" + d.StatementId;

    public static Document ToDocument(ArchiveDocument d)
    {
        var doc = new Document
        {
            new StringField(KeyField, Key(d), Field.Store.YES),
            new StringField(Source, d.SourceId, Field.Store.YES),
            new StoredField(Statement, d.StatementId),
            new StoredField(VersionField, d.Version),
            new TextField(Title, d.Title ?? "", Field.Store.YES),
            new TextField(Text, d.Text, Field.Store.YES),
            new StoredField(Url, d.Url.AbsoluteUri),
            // The catalogue's order and date filter: publication, else when archived.
            new Int64Field(ListedAt, (d.Published ?? d.ArchivedAt).UtcTicks, Field.Store.NO),
            new StringField(Language, d.Language ?? "", Field.Store.YES),
        };
        if (d.Published is { } published) doc.Add(new StoredField(Published, published.UtcTicks));
        foreach (var topic in d.Topics.Distinct()) doc.Add(new StringField(Topic, topic, Field.Store.YES));
        return doc;
    }

    public static int VersionOf(Document doc) => doc.GetField(VersionField)?.GetInt32Value() ?? 0;

    public static SearchHit ToHit(Document doc, float score, Snippet snippet) => new(
        doc.Get(Source),
        doc.Get(Statement),
        VersionOf(doc),
        doc.Get(Title) is { Length: > 0 } title ? title : null,
        new Uri(doc.Get(Url)),
        doc.GetField(Published)?.GetInt64Value() is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
        doc.Get(Language) is { Length: > 0 } language ? language : null,
        doc.GetValues(Topic),
        score,
        snippet);

    /// <summary>Every word must match (title or text) in any of its forms; matches in the title weigh more.</summary>
    public static Query Query(IReadOnlyList<IReadOnlyList<string>> words, float titleBoost)
    {
        var all = new BooleanQuery();
        foreach (var keys in words)
        {
            var word = new BooleanQuery();
            foreach (var key in keys)
            {
                word.Add(new TermQuery(new Term(Text, key)), Occur.SHOULD);
                word.Add(new TermQuery(new Term(Title, key)) { Boost = titleBoost }, Occur.SHOULD);
            }
            all.Add(word, Occur.MUST);
        }
        return all;
    }

    public static Filter? Filter(StatementQuery query)
    {
        var filter = new BooleanQuery();
        if (query.SourceId is { } source) filter.Add(new TermQuery(new Term(Source, source)), Occur.MUST);
        if (query.Language is { } language) filter.Add(new TermQuery(new Term(Language, language)), Occur.MUST);
        if (query.TopicId is { } topic) filter.Add(new TermQuery(new Term(Topic, topic)), Occur.MUST);
        if (query.Since is not null || query.Until is not null)
            filter.Add(NumericRangeQuery.NewInt64Range(ListedAt, query.Since?.UtcTicks, query.Until?.UtcTicks, true, false), Occur.MUST);
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }
}
