namespace Monitor.Core.Detection;

/// <summary>
/// The ways a word can be compared. Each is a separate alphabet of the automaton, so a phrase in a Western
/// language is entered once per stemmer and a text word is tried with each stemmer that can read its script.
/// </summary>
internal enum Chain
{
    /// <summary>As written (NFKC), case kept: acronyms.</summary>
    Exact,

    /// <summary>Lower case, Latin accents folded, no stemming: scripts without a stemmer, and the words before a prefix word.</summary>
    Fold,
    English,
    French,
    German,
    Russian,
}

/// <summary>The keys of one word for every chain that can read it (null where a chain does not apply).</summary>
internal sealed class WordForms
{
    public const int ChainCount = 6;

    private WordForms(string?[] keys, string lower, string fold, Script script)
    {
        Keys = keys;
        Lower = lower;
        FoldForm = fold;
        Script = script;
    }

    /// <summary>Indexed by <see cref="Chain"/>; each key carries its chain's tag so alphabets never collide.</summary>
    public string?[] Keys { get; }

    public string Lower { get; }

    public string FoldForm { get; }

    public Script Script { get; }

    public static WordForms Of(ReadOnlySpan<char> word)
    {
        var canonical = TextNormalizer.Canonical(word);
        var lower = TextNormalizer.Lower(canonical);
        var fold = TextNormalizer.Fold(lower);
        var script = Scripts.Of(lower);
        var keys = new string?[ChainCount];
        keys[(int)Chain.Exact] = "x:" + canonical;
        keys[(int)Chain.Fold] = "f:" + fold;
        switch (script)
        {
            case Script.Digits:
                keys[(int)Chain.English] = "e:" + fold;
                keys[(int)Chain.French] = "r:" + fold;
                keys[(int)Chain.German] = "g:" + fold;
                keys[(int)Chain.Russian] = "u:" + fold;
                break;
            case Script.Latin:
                // Stem before folding: the French and German stemmers need their accents and umlauts.
                keys[(int)Chain.English] = "e:" + TextNormalizer.Fold(Stemmers.English(lower));
                keys[(int)Chain.French] = "r:" + TextNormalizer.Fold(Stemmers.French(lower));
                keys[(int)Chain.German] = "g:" + TextNormalizer.Fold(Stemmers.German(lower));
                break;
            case Script.Cyrillic:
                keys[(int)Chain.Russian] = "u:" + Stemmers.Russian(lower);
                break;
        }
        return new WordForms(keys, lower, fold, script);
    }

    public static string PrefixKey(ReadOnlySpan<char> foldPrefix) => string.Concat("p:", foldPrefix);
}
