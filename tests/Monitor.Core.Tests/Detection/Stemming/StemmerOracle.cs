using System.IO.Compression;
using System.Text.RegularExpressions;
using Lucene.Net.Tartarus.Snowball;

namespace MinistryMonitor.Core.Tests.Detection.Stemming;

/// <summary>
/// Compares one of Core's stemmers with Lucene.Net's generated Snowball stemmer for the same language, which
/// Core used before it had its own: a word that stems differently would change which statements a topic matches
/// and the stems already in search indexes.
/// </summary>
internal static partial class StemmerOracle
{
    private static readonly Lazy<IReadOnlySet<string>> SharedWords = new(ReadSharedWords);

    /// <summary>Every distinct lower-case word of the shared texts (pages, benchmarks, seeds, the feed) that <paramref name="keep"/> accepts.</summary>
    public static IReadOnlyList<string> SharedVocabulary(Func<string, bool> keep) =>
        SharedWords.Value.Where(keep).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The words whose stems differ, each as "word: lucene ≠ ours", at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> Disagreements(IEnumerable<string> words, Func<SnowballProgram> lucene, Func<string, string> ours, int limit = 40)
    {
        var oracle = lucene();
        var found = new List<string>();
        foreach (var word in words)
        {
            oracle.SetCurrent(word);
            oracle.Stem();
            var expected = oracle.Current;
            var actual = ours(word);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                found.Add($"{word}: {expected} ≠ {actual}");
                if (found.Count == limit) break;
            }
        }
        return found;
    }

    /// <summary>Every word formed by one of <paramref name="stems"/> followed by one of <paramref name="endings"/>: reaches the suffix rules a corpus may miss.</summary>
    public static IEnumerable<string> Combine(IEnumerable<string> stems, IEnumerable<string> endings)
    {
        var endingList = endings.ToArray();
        foreach (var stem in stems)
        {
            foreach (var ending in endingList) yield return stem + ending;
        }
    }

    private static IReadOnlySet<string> ReadSharedWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        // Most words repeat: each
        // is lower-cased into a buffer and looked up as a span, so only a new word becomes a string.
        var known = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var lower = new char[64];
        foreach (var path in TextFiles())
        {
            var text = path.EndsWith(".gz", StringComparison.Ordinal) ? ReadGzip(path) : File.ReadAllText(path);
            foreach (var match in Word().EnumerateMatches(text))
            {
                if (match.Length > lower.Length) lower = new char[match.Length];
                var length = text.AsSpan(match.Index, match.Length).ToLowerInvariant(lower);
                known.Add(lower.AsSpan(0, length));
            }
        }
        return words;
    }

    /// <summary>
    /// The shared texts without their markup: the seed statement, the ministry pages' texts, the extraction benchmarks'
    /// reference texts, the conformance cases, and every 50th feed snapshot (the snapshots repeat each other; a statement stays in the feed for
    /// weeks). Tens of thousands of distinct words, so each oracle test takes about a second.
    /// </summary>
    private static IEnumerable<string> TextFiles()
    {
        foreach (var path in Directory.EnumerateFiles(SharedData.PathOf("seeds"), "*.txt")) yield return path;
        foreach (var path in Directory.EnumerateFiles(SharedData.PathOf("corpora", "ministry-pages"), "*", SearchOption.AllDirectories)) yield return path;
        yield return SharedData.PathOf("benchmarks", "article-extraction", "ground-truth.json");
        yield return SharedData.PathOf("benchmarks", "web-extraction-eval", "annotations.json");
        // feedparser's test feeds hold most of the shared Cyrillic words.
        foreach (var path in Directory.EnumerateFiles(SharedData.PathOf("conformance"), "*", SearchOption.AllDirectories)) yield return path;
        foreach (var path in SharedData.FeedSnapshots().Where((_, i) => i % 50 == 0)) yield return path;
    }

    private static string ReadGzip(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
