using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace MinistryMonitor.Core.Detection;

/// <summary>
/// Snowball stemmers from Lucene.Net (the same ones its analyzers use). A stemmer instance holds state,
/// so each thread gets its own; they run only when a word is first seen (results are cached by the vocabulary).
/// </summary>
internal static class Stemmers
{
    [ThreadStatic] private static SnowballProgram? french;
    [ThreadStatic] private static SnowballProgram? russian;

    public static string English(string lower) => Stemming.EnglishStemmer.Stem(lower);

    public static string French(string lower) => Run(french ??= new FrenchStemmer(), lower);

    public static string German(string lower) => Stemming.GermanStemmer.Stem(lower);

    public static string Russian(string lower) => Run(russian ??= new RussianStemmer(), lower);

    private static string Run(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
