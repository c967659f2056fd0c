using System.Diagnostics;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>
/// "stemmers &lt;word list&gt; &lt;language&gt;": Core's stemmer against Lucene.Net's generated Snowball one (which Core used
/// before) over a list of one word per line, such as Snowball's official vocabulary (snowball-data/&lt;language&gt;/voc.txt),
/// which is too large to keep in the repository. Prints the count of words that stem differently and the first of them.
/// </summary>
internal static class StemmerAgreement
{
    private const int Shown = 40;

    public static int Run(string path, string language)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"no word list at {path}");
            return 2;
        }
        if (StemmersOf(language) is not { } stemmers)
        {
            Console.Error.WriteLine($"unknown language '{language}': english, french, german or russian");
            return 2;
        }
        var (lucene, ours) = stemmers;

        var words = File.ReadLines(path).Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        var luceneWatch = Stopwatch.StartNew();
        var expected = words.Select(word =>
        {
            lucene.SetCurrent(word);
            lucene.Stem();
            return lucene.Current;
        }).ToArray();
        luceneWatch.Stop();
        var oursWatch = Stopwatch.StartNew();
        var actual = words.Select(ours).ToArray();
        oursWatch.Stop();

        var disagreements = Enumerable.Range(0, words.Length).Where(i => !string.Equals(expected[i], actual[i], StringComparison.Ordinal)).ToArray();
        foreach (var i in disagreements.Take(Shown)) Console.WriteLine($"{words[i]}: lucene {expected[i]}, ours {actual[i]}");
        Console.WriteLine($"{language}: {words.Length:N0} words, {disagreements.Length:N0} disagree " +
            $"(lucene {luceneWatch.Elapsed.TotalMilliseconds:F0} ms, ours {oursWatch.Elapsed.TotalMilliseconds:F0} ms, one cold pass each)");
        return disagreements.Length == 0 ? 0 : 1;
    }

    private static (SnowballProgram Lucene, Func<string, string> Ours)? StemmersOf(string language) => language switch
    {
        "english" => (new EnglishStemmer(), MinistryMonitor.Core.Detection.Stemmers.English),
        "french" => (new FrenchStemmer(), MinistryMonitor.Core.Detection.Stemmers.French),
        "german" => (new GermanStemmer(), MinistryMonitor.Core.Detection.Stemmers.German),
        "russian" => (new RussianStemmer(), MinistryMonitor.Core.Detection.Stemmers.Russian),
        _ => null,
    };
}
