using System.Buffers;

namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// The German Snowball stemmer (snowballstem.org/algorithms/german/stemmer.html) in the version that Lucene.Net
/// 4.8.0-beta00017 generated from german.sbl: its stems are what topics match on and what search indexes already
/// hold, so where today's description differs from that version, the older version wins.
/// </summary>
/// <remarks>
/// <para>
/// Vowels are a, e, i, o, u, y, ä, ö and ü; a u or y between vowels is marked 'U' or 'Y' while stemming, so it
/// counts as a consonant and no suffix matches through it; at the end the marks and the umlauts go ("häuser" →
/// "haus"). Any other letter is a consonant. Every step looks at a bounded end of the word, so the time is linear
/// in its length.
/// </para>
/// <para>
/// Where Lucene's version differs from today's (snowball-data's german/output.txt disagrees with it on 1,317 of the
/// 35,033 words of german/voc.txt), this follows Lucene: -niss is not turned back into -nis ("kenntnisse" →
/// "kenntniss"); -et and -erin/-erinnen are not suffixes, nor the -n of -eln ("verabschiedet", "abwickeln" stay;
/// "bürgerinnen" → "burgerinn"); ae, oe, ue are not read as umlauts ("duell" stays).
/// </para>
/// </remarks>
internal static class GermanStemmer
{
    /// <summary>Longer words are stemmed in a heap buffer rather than on the stack.</summary>
    private const int MaxStackLength = 64;

    /// <summary>The vowels; 'U' and 'Y', a u or y marked as a consonant, are not, nor is any other letter.</summary>
    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouyäöü");

    /// <summary>Step 1's suffixes: only the longest one that ends the word is tried.</summary>
    private static readonly Endings Step1Suffixes = new("e", "em", "en", "ern", "er", "es", "s");

    private static readonly Endings Step2Suffixes = new("en", "er", "est", "st");

    private static readonly Endings Step3Suffixes = new("end", "ung", "ig", "ik", "isch", "lich", "heit", "keit");

    private static readonly Endings KeitFollowUps = new("lich", "ig");

    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string lower)
    {
        // ß is stemmed as the ss it stands for.
        var letters = lower.Contains('ß') ? lower.Replace("ß", "ss") : lower;
        Span<char> buffer = letters.Length <= MaxStackLength ? stackalloc char[letters.Length] : new char[letters.Length];
        var word = new StemmedWord(buffer, letters);
        MarkConsonantUsAndYs(ref word);
        var (r1, r2) = Regions(word);

        Step1(ref word, r1);
        Step2(ref word, r1);
        Step3(ref word, r1, r2);

        RemoveMarksAndUmlauts(ref word);
        return word.ToString(lower);
    }

    /// <summary>A u or y between two vowels is a consonant: "bauen" is stemmed as "baUen".</summary>
    private static void MarkConsonantUsAndYs(ref StemmedWord word)
    {
        // Left to right, so a marked letter no longer counts as a vowel for the next one: "auue" → "aUue".
        for (var i = 1; i + 1 < word.Length; i++)
        {
            if (word[i] is 'u' or 'y' && IsVowel(word[i - 1]) && IsVowel(word[i + 1])) word[i] = char.ToUpperInvariant(word[i]);
        }
    }

    /// <summary>
    /// R1 starts after the first consonant that follows a vowel, but not before the fourth letter; R2 starts after
    /// the next consonant that follows a vowel, counted from R1's unadjusted start. Each is the word's length
    /// (empty) when there is no such consonant, and both are for a word of fewer than three letters.
    /// </summary>
    private static (int R1, int R2) Regions(StemmedWord word)
    {
        if (word.Length < 3) return (word.Length, word.Length);
        var r1 = word.AfterVowelAndNonVowel(0, Vowels);
        return (Math.Max(r1, 3), word.AfterVowelAndNonVowel(r1, Vowels));
    }

    /// <summary>Inflection endings in R1: -e, -em, -en, -ern, -er, -es go; -s goes after a valid s-ending.</summary>
    private static void Step1(ref StemmedWord word, int r1)
    {
        if (word.LongestEnding(Step1Suffixes) is not { } suffix) return;
        var start = word.StartOf(suffix);
        if (start < r1) return;
        if (suffix == "s" && (start == 0 || !IsValidSEnding(word[start - 1]))) return;
        word.Cut(suffix.Length);
    }

    /// <summary>Comparative and verb endings in R1: -en, -er, -est go; -st goes after a valid st-ending with three letters before that.</summary>
    private static void Step2(ref StemmedWord word, int r1)
    {
        if (word.LongestEnding(Step2Suffixes) is not { } suffix) return;
        var start = word.StartOf(suffix);
        if (start < r1) return;
        if (suffix == "st" && (start < 4 || !IsValidStEnding(word[start - 1]))) return;
        word.Cut(suffix.Length);
    }

    /// <summary>Derivational suffixes in R2, each with its own follow-up.</summary>
    private static void Step3(ref StemmedWord word, int r1, int r2)
    {
        if (word.LongestEnding(Step3Suffixes) is not { } suffix) return;
        var start = word.StartOf(suffix);
        if (start < r2) return;
        switch (suffix)
        {
            case "end" or "ung":
                word.Cut(suffix.Length);
                // "-igend", "-igung": the -ig goes too, in R2 and not after e.
                if (word.EndsWith("ig", r2) && !PrecededByE(word, word.StartOf("ig"))) word.Cut(2);
                break;
            case "ig" or "ik" or "isch":
                if (!PrecededByE(word, start)) word.Cut(suffix.Length);
                break;
            case "lich" or "heit":
                word.Cut(suffix.Length);
                // "-erlich", "-enheit": the -er or -en goes too, in R1.
                if (word.EndsWith("er", r1) || word.EndsWith("en", r1)) word.Cut(2);
                break;
            case "keit":
                word.Cut(suffix.Length);
                // "-lichkeit", "-igkeit": the -lich or -ig goes too, in R2.
                if (word.LongestEnding(KeitFollowUps) is { } inner && word.StartOf(inner) >= r2) word.Cut(inner.Length);
                break;
        }
    }

    /// <summary>'U' and 'Y' back to u and y; ä, ö, ü to a, o, u.</summary>
    private static void RemoveMarksAndUmlauts(ref StemmedWord word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = word[i] switch
            {
                'U' or 'ü' => 'u',
                'Y' => 'y',
                'ä' => 'a',
                'ö' => 'o',
                var c => c,
            };
        }
    }

    private static bool PrecededByE(StemmedWord word, int start) => start > 0 && word[start - 1] == 'e';

    /// <summary>One of <see cref="Vowels"/>, tested as a switch: for a single letter that is twice as fast as the set.</summary>
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'ö' or 'ü';

    /// <summary>The letters after which step 1 removes -s.</summary>
    private static bool IsValidSEnding(char c) => c is 'b' or 'd' or 'f' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'r' or 't';

    /// <summary>The letters after which step 2 removes -st: those of -s but r.</summary>
    private static bool IsValidStEnding(char c) => c != 'r' && IsValidSEnding(c);
}
