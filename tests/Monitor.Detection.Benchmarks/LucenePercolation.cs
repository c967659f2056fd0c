using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using Lucene.Net.Util;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>
/// For context only: what Elasticsearch's percolator does — index the statement as a one-document
/// MemoryIndex and run every topic as a query (phrase queries OR-ed per topic, StandardAnalyzer, no stemming).
/// </summary>
internal static class LucenePercolation
{
    private const string Field = "body";

    public static void Run(IReadOnlyList<Topic> allTopics, string statement, int[] counts)
    {
        Console.WriteLine();
        Console.WriteLine("Lucene.Net MemoryIndex percolation of the same statement (for context):");
        Console.WriteLine($"{"topics",7} {"ms/stmt",9} {"stmt/s",8} {"matched",8}");
        using var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        foreach (var count in counts)
        {
            var queries = allTopics.Take(count).Select(t => ToQuery(t, analyzer)).ToList();
            var matched = Percolate(statement, queries, analyzer); // warm-up
            var runs = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(2) || runs < 2)
            {
                Percolate(statement, queries, analyzer);
                runs++;
            }
            var ms = watch.Elapsed.TotalMilliseconds / runs;
            Console.WriteLine($"{count,7:N0} {ms,9:F2} {1000 / ms,8:F1} {matched,8:N0}");
        }
    }

    private static int Percolate(string statement, List<Query> queries, Analyzer analyzer)
    {
        var index = new MemoryIndex();
        index.AddField(Field, statement, analyzer);
        var matched = 0;
        foreach (var query in queries)
        {
            if (index.Search(query) > 0f) matched++;
        }
        return matched;
    }

    private static Query ToQuery(Topic topic, Analyzer analyzer)
    {
        var query = new BooleanQuery();
        foreach (var term in topic.Terms)
        {
            var words = Tokens(term, analyzer);
            if (words.Count == 0) continue;
            if (words.Count == 1)
            {
                query.Add(new TermQuery(new Term(Field, words[0])), Occur.SHOULD);
                continue;
            }
            var phrase = new PhraseQuery();
            foreach (var word in words) phrase.Add(new Term(Field, word));
            query.Add(phrase, Occur.SHOULD);
        }
        return query;
    }

    private static List<string> Tokens(string text, Analyzer analyzer)
    {
        var result = new List<string>();
        using var stream = analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) result.Add(term.ToString());
        stream.End();
        return result;
    }
}
