using System.Diagnostics;
using Lucene.Net.Tartarus.Snowball;
using MinistryMonitor.Core.Detection.Stemming;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>
/// "stemmers VOC LANGUAGE": stems every word of a vocabulary file (one word per line, such as the official Snowball
/// voc.txt files) with Core's stemmer and with Lucene.Net's generated one, which Core used before, and prints how
/// many disagree (and the first of them). The file is read from the path given; none is kept in the repository.
/// </summary>
internal static class StemmerAgreement
{
    private const int Shown = 20;

    public static int Run(string vocabularyPath, string language)
    {
        if (!Stemmers.TryGetValue(language, out var pair))
        {
            Console.Error.WriteLine($"unknown language '{language}'; known: {string.Join(", ", Stemmers.Keys)}");
            return 2;
        }
        var (lucene, ours) = pair;
        var oracle = lucene();
        var words = File.ReadLines(vocabularyPath).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var disagreements = 0;
        foreach (var word in words)
        {
            var expected = LuceneStem(oracle, word);
            var actual = ours(word);
            if (string.Equals(expected, actual, StringComparison.Ordinal)) continue;
            if (++disagreements <= Shown) Console.WriteLine($"  {word}: {expected} ≠ {actual}");
        }
        Console.WriteLine($"{language}: {words.Count:N0} words, {disagreements:N0} disagree");
        Console.WriteLine($"  words stemmed per CPU-second, one thread: ours {WordsPerCpuSecond(words, ours):N0}, Lucene {WordsPerCpuSecond(words, word => LuceneStem(oracle, word)):N0}");
        return disagreements == 0 ? 0 : 1;
    }

    private static string LuceneStem(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>
    /// The best of ten passes over the vocabulary after two that let the JIT reach its optimised tier, in CPU time
    /// of the process: the machine is shared, and wall time would include waiting for a core.
    /// </summary>
    private static double WordsPerCpuSecond(List<string> words, Func<string, string> stem)
    {
        var best = TimeSpan.MaxValue;
        for (var pass = 0; pass < 12; pass++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var word in words) stem(word);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
            if (pass >= 2 && cpu < best) best = cpu;
        }
        return words.Count / best.TotalSeconds;
    }

    private static readonly Dictionary<string, (Func<SnowballProgram> Lucene, Func<string, string> Ours)> Stemmers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["french"] = (() => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer(), FrenchStemmer.Stem),
        ["russian"] = (() => new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer(), RussianStemmer.Stem),
        ["english"] = (() => new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer(), EnglishStemmer.Stem),
        ["german"] = (() => new Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer(), GermanStemmer.Stem),
    };
}
