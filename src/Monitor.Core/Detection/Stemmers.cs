using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace MinistryMonitor.Core.Detection;

/// <summary>
/// Snowball stemmers from Lucene.Net (the same ones its analyzers use). A stemmer instance holds state,
/// so each thread gets its own; they run only when a word is first seen (results are cached by the vocabulary).
/// </summary>
internal static class Stemmers
{
    [ThreadStatic] private static SnowballProgram? english;
    [ThreadStatic] private static SnowballProgram? german;

    public static string English(string lower) => Run(english ??= new EnglishStemmer(), lower);

    public static string French(string lower) => Stemming.FrenchStemmer.Stem(lower);

    public static string German(string lower) => Run(german ??= new GermanStemmer(), lower);

    public static string Russian(string lower) => Stemming.RussianStemmer.Stem(lower);

    private static string Run(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
