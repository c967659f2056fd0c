using System.Buffers;
using System.Collections.Frozen;

namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// The English Snowball stemmer ("Porter2", snowballstem.org/algorithms/english/stemmer.html) in the version that
/// Lucene.Net 4.8.0-beta00017 generated from english.sbl: its stems are what topics match on and what search
/// indexes already hold, so where today's description differs from that version, the older version wins.
/// </summary>
/// <remarks>
/// <para>
/// Vowels are a, e, i, o, u and y; a y that acts as a consonant is marked 'Y' while stemming, so it is not a
/// vowel and no suffix (all lower-case) matches through it. Any other letter, accented ones included, is a consonant.
/// Every step looks at a bounded end of the word, so the time is linear in its length.
/// </para>
/// <para>
/// Where Lucene's version differs from today's (snowball-data's english/output.txt disagrees with it on 57 of the
/// 42,649 words of english/voc.txt), this follows Lucene: only gener-, commun- and arsen- set R1 at their end (today
/// also inter-, later-, organ-, past-, univers-, emerg-: "university" → "univers", not "universiti"); a doubled
/// letter left by -ed or -ing goes even in a short word ("added" → "ad", not "add"); -ogist is not reduced
/// ("geologist" stays); "hying", "vying" → "hy", "vy"; "evening" → "even".
/// </para>
/// </remarks>
internal static class EnglishStemmer
{
    /// <summary>Longer words are stemmed in a heap buffer rather than on the stack.</summary>
    private const int MaxStackLength = 64;

    /// <summary>
    /// Whole words with a fixed stem (Snowball's "exception1"), checked before anything else. The version Lucene has
    /// lists only these; later versions of the algorithm added more.
    /// </summary>
    private static readonly FrozenDictionary<string, string> ExceptionalForms = new Dictionary<string, string>
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words left as they are once step 1a has run (Snowball's "exception2"): "innings" stems to "inning", not "inn".</summary>
    private static readonly string[] InvariantAfterStep1A = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

    /// <summary>Stems that form their R1 at the prefix's end instead of after the first vowel–consonant pair.</summary>
    private static readonly string[] RegionPrefixes = ["gener", "commun", "arsen"];

    /// <summary>The vowels; 'Y', a y marked as a consonant, is not one, nor is any other letter.</summary>
    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    private static readonly Endings PossessiveEndings = new("'s'", "'s", "'");

    private static readonly Endings PluralEndings = new("sses", "ied", "ies", "us", "ss", "s");

    private static readonly Endings Step1BEndings = new("eedly", "ingly", "edly", "eed", "ing", "ed");

    /// <summary>Ends of a stem that step 1b completes with an e.</summary>
    private static readonly FrozenDictionary<string, string> CompletedWithE =
        new Dictionary<string, string> { ["at"] = "ate", ["bl"] = "ble", ["iz"] = "ize" }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Endings BeforeE = new(CompletedWithE.Keys);

    private static readonly Endings Doubles = new("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt");

    /// <summary>Step 2's suffixes with their replacements; -ogi and -li have conditions besides R1.</summary>
    private static readonly FrozenDictionary<string, string> Step2Replacements = new Dictionary<string, string>
    {
        ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["abli"] = "able", ["entli"] = "ent",
        ["izer"] = "ize", ["ization"] = "ize", ["ational"] = "ate", ["ation"] = "ate", ["ator"] = "ate",
        ["alism"] = "al", ["aliti"] = "al", ["alli"] = "al", ["fulness"] = "ful", ["ousli"] = "ous", ["ousness"] = "ous",
        ["iveness"] = "ive", ["iviti"] = "ive", ["biliti"] = "ble", ["bli"] = "ble", ["ogi"] = "og", ["fulli"] = "ful",
        ["lessli"] = "less", ["li"] = "",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Endings Step2Suffixes = new(Step2Replacements.Keys);

    /// <summary>Step 3's suffixes with their replacements; -ative goes only in R2.</summary>
    private static readonly FrozenDictionary<string, string> Step3Replacements = new Dictionary<string, string>
    {
        ["tional"] = "tion", ["ational"] = "ate", ["alize"] = "al", ["icate"] = "ic", ["iciti"] = "ic", ["ical"] = "ic",
        ["ful"] = "", ["ness"] = "", ["ative"] = "",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Endings Step3Suffixes = new(Step3Replacements.Keys);

    private static readonly Endings Step4Suffixes = new(
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion");

    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string lower)
    {
        if (ExceptionalForms.TryGetValue(lower, out var exceptional)) return exceptional;
        if (lower.Length < 3) return lower;

        // A leading apostrophe is dropped (the length test above still counted it).
        var letters = lower[0] == '\'' ? lower[1..] : lower;
        Span<char> buffer = letters.Length <= MaxStackLength ? stackalloc char[letters.Length] : new char[letters.Length];
        var word = new StemmedWord(buffer, letters);
        var consonantYs = MarkConsonantYs(ref word);
        var (r1, r2) = Regions(word);

        Step1A(ref word);
        if (!IsOneOf(word, InvariantAfterStep1A))
        {
            Step1B(ref word, r1);
            Step1C(ref word);
            Step2(ref word, r1);
            Step3(ref word, r1, r2);
            Step4(ref word, r2);
            Step5(ref word, r1, r2);
        }

        // Lucene turns 'Y' back only when it marked one, so otherwise a 'Y' the caller passed in stays as it was.
        if (consonantYs)
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (word[i] == 'Y') word[i] = 'y';
            }
        }
        return word.ToString(lower);
    }

    /// <summary>Marks as 'Y' a y at the start and a y after a vowel, so they count as consonants; whether it marked any.</summary>
    private static bool MarkConsonantYs(ref StemmedWord word)
    {
        var marked = false;
        for (var i = 0; i < word.Length; i++)
        {
            // Left to right: in "sayyid" the second y follows a marked 'Y', a consonant, so stays a vowel.
            if (word[i] == 'y' && (i == 0 || IsVowel(word[i - 1])))
            {
                word[i] = 'Y';
                marked = true;
            }
        }
        return marked;
    }

    /// <summary>
    /// R1 starts after the first consonant that follows a vowel, or after one of the special prefixes; R2 after the
    /// next consonant that follows a vowel in R1. Each is the word's length (empty) when there is no such consonant.
    /// </summary>
    private static (int R1, int R2) Regions(StemmedWord word)
    {
        var r1 = -1;
        foreach (var prefix in RegionPrefixes)
        {
            if (word.StartsWith(prefix)) r1 = prefix.Length;
        }
        if (r1 < 0) r1 = word.AfterVowelAndNonVowel(0, Vowels);
        return (r1, word.AfterVowelAndNonVowel(r1, Vowels));
    }

    /// <summary>Possessive endings, then plural -s forms.</summary>
    private static void Step1A(ref StemmedWord word)
    {
        if (word.LongestEnding(PossessiveEndings) is { } possessive) word.Cut(possessive.Length);

        var plural = word.LongestEnding(PluralEndings);
        switch (plural)
        {
            case "sses":
                word.Replace("sses", "ss");
                break;
            case "ied" or "ies":
                // "cries" → "cri" but "ties" → "tie": two letters must remain before the i.
                word.Replace(plural, word.StartOf(plural) >= 2 ? "i" : "ie");
                break;
            case "s" when ContainsVowel(word, word.Length - 2):
                // Only if a vowel comes before the letter preceding the s: "gaps" → "gap", but "gas" stays.
                word.Cut(1);
                break;
            // "us" and "ss" end words that are not plurals: "bus", "class".
        }
    }

    /// <summary>-eed/-eedly become -ee in R1; -ed, -edly, -ing, -ingly go after a vowel, then the stem's end is tidied.</summary>
    private static void Step1B(ref StemmedWord word, int r1)
    {
        // The longest ending alone decides: an -eed word outside R1 never falls back to -ed.
        var ending = word.LongestEnding(Step1BEndings);
        if (ending is null) return;
        if (ending is "eed" or "eedly")
        {
            if (word.StartOf(ending) >= r1) word.Replace(ending, "ee");
            return;
        }
        if (!ContainsVowel(word, word.StartOf(ending))) return;
        word.Cut(ending.Length);

        if (word.LongestEnding(BeforeE) is { } end)
        {
            word.Replace(end, CompletedWithE[end]); // "luxuriat" → "luxuriate"
        }
        else if (word.LongestEnding(Doubles) is not null)
        {
            word.Cut(1); // "hopp" → "hop"
        }
        else if (word.Length == r1 && EndsInShortSyllable(word, word.Length))
        {
            word.Replace("", "e"); // a short word: "hop" → "hope"
        }
    }

    /// <summary>A final y after a consonant that is not the first letter becomes i: "cry" → "cri", but "by" stays.</summary>
    private static void Step1C(ref StemmedWord word)
    {
        var last = word.Length - 1;
        if (last >= 2 && word[last] is 'y' or 'Y' && !IsVowel(word[last - 1])) word[last] = 'i';
    }

    /// <summary>Double suffixes in R1 reduced to single ones: -ational → -ate, -fulness → -ful, …</summary>
    private static void Step2(ref StemmedWord word, int r1)
    {
        if (word.LongestEnding(Step2Suffixes) is not { } suffix) return;
        var start = word.StartOf(suffix);
        if (start < r1) return;
        switch (suffix)
        {
            case "ogi" when start == 0 || word[start - 1] != 'l':
                return; // only -logi: "analogi" → "analog"
            case "li" when start == 0 || !IsValidLiEnding(word[start - 1]):
                return;
        }
        word.Replace(suffix, Step2Replacements[suffix]);
    }

    /// <summary>More suffixes in R1: -icate → -ic, -ness and -ful go, -ative goes only in R2.</summary>
    private static void Step3(ref StemmedWord word, int r1, int r2)
    {
        if (word.LongestEnding(Step3Suffixes) is not { } suffix) return;
        var start = word.StartOf(suffix);
        if (start < r1 || (suffix == "ative" && start < r2)) return;
        word.Replace(suffix, Step3Replacements[suffix]);
    }

    /// <summary>Suffixes in R2 removed; -ion only after s or t.</summary>
    private static void Step4(ref StemmedWord word, int r2)
    {
        if (word.LongestEnding(Step4Suffixes) is not { } suffix) return;
        var start = word.StartOf(suffix);
        if (start < r2) return;
        if (suffix == "ion" && (start == 0 || word[start - 1] is not ('s' or 't'))) return;
        word.Cut(suffix.Length);
    }

    /// <summary>A final e in R2, or in R1 after anything but a short syllable, goes; a final l goes after another l in R2.</summary>
    private static void Step5(ref StemmedWord word, int r1, int r2)
    {
        var last = word.Length - 1;
        if (last < 0) return;
        if (word[last] == 'e')
        {
            if (last >= r2 || (last >= r1 && !EndsInShortSyllable(word, last))) word.Cut(1);
        }
        else if (word[last] == 'l' && last >= r2 && last > 0 && word[last - 1] == 'l')
        {
            word.Cut(1);
        }
    }

    /// <summary>
    /// Whether the letters before <paramref name="end"/> end in a short syllable: a consonant, a vowel, then a
    /// consonant other than w, x or 'Y'; or, when they are the whole word, a vowel then a consonant ("ow" counts).
    /// </summary>
    private static bool EndsInShortSyllable(StemmedWord word, int end)
    {
        if (end >= 3 && !IsVowel(word[end - 3]) && IsVowel(word[end - 2]) && !IsVowel(word[end - 1]) && word[end - 1] is not ('w' or 'x' or 'Y')) return true;
        return end == 2 && IsVowel(word[0]) && !IsVowel(word[1]);
    }

    private static bool IsOneOf(StemmedWord word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (candidate.Length == word.Length && word.EndsWith(candidate)) return true;
        }
        return false;
    }

    /// <summary>Whether a vowel comes before <paramref name="end"/>.</summary>
    private static bool ContainsVowel(StemmedWord word, int end)
    {
        var vowel = word.IndexOfAny(0, Vowels);
        return vowel >= 0 && vowel < end;
    }

    /// <summary>One of <see cref="Vowels"/>, tested as a switch: for a single letter that is faster than the set.</summary>
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The letters before which step 2 removes -li.</summary>
    private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';
}
