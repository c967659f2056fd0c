using MinistryMonitor.Core.Detection.Stemming;

namespace MinistryMonitor.Core.Detection;

/// <summary>A language with a stemmer.</summary>
internal enum StemLanguage
{
    English,
    French,
    German,
    Russian,
}

/// <summary>
/// The comparable forms of one word. Each form is a tagged key, so the automaton's alphabets never collide:
/// "x:" as written (acronyms), "f:" folded (no stemmer), "l:" a Latin-script stem (English, French and German
/// stems share this alphabet, so a word whose stems agree is walked once), "u:" a Russian stem, "d:" a number.
/// </summary>
internal sealed class WordForms
{
    private readonly string?[] stems;

    private WordForms(string exact, string lower, string fold, Script script, string?[] stems)
    {
        Exact = "x:" + exact;
        Lower = lower;
        FoldForm = fold;
        Fold = "f:" + fold;
        Script = script;
        this.stems = stems;
    }

    public string Exact { get; }

    public string Fold { get; }

    public string Lower { get; }

    public string FoldForm { get; }

    public Script Script { get; }

    public static WordForms Of(ReadOnlySpan<char> word)
    {
        var canonical = TextNormalizer.Canonical(word);
        var lower = TextNormalizer.Lower(canonical);
        var fold = TextNormalizer.Fold(lower);
        var script = Scripts.Of(lower);
        var stems = new string?[4];
        switch (script)
        {
            case Script.Digits:
                Array.Fill(stems, "d:" + fold);
                break;
            case Script.Latin:
                // Stem before folding: the French and German stemmers need their accents and umlauts.
                stems[(int)StemLanguage.English] = "l:" + TextNormalizer.Fold(EnglishStemmer.Stem(lower));
                stems[(int)StemLanguage.French] = "l:" + TextNormalizer.Fold(FrenchStemmer.Stem(lower));
                stems[(int)StemLanguage.German] = "l:" + TextNormalizer.Fold(GermanStemmer.Stem(lower));
                break;
            case Script.Cyrillic:
                stems[(int)StemLanguage.Russian] = "u:" + RussianStemmer.Stem(lower);
                break;
        }
        return new WordForms(canonical, lower, fold, script, stems);
    }

    /// <summary>The stem key in a language, or null when the language's stemmer cannot read this word's script.</summary>
    public string? Stem(StemLanguage language) => stems[(int)language];

    /// <summary>
    /// The word itself in the stem alphabet of <paramref name="language"/>: a term's dictionary form, which
    /// inflected text forms stem back to even where the stemmer over-cuts the dictionary form itself.
    /// </summary>
    public string? WholeWord(StemLanguage language) => Stem(language) is { } stem ? string.Concat(stem.AsSpan(0, 2), FoldForm) : null;

    /// <summary>Every key a word of a statement can be matched by.</summary>
    public IEnumerable<string> AllKeys()
    {
        yield return Exact;
        yield return Fold;
        foreach (var stem in stems.Distinct())
        {
            if (stem is not null) yield return stem;
        }
    }

    public static string PrefixKey(ReadOnlySpan<char> foldPrefix) => string.Concat("p:", foldPrefix);
}
