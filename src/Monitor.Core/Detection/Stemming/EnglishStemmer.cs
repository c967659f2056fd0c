using System.Collections.Frozen;

namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// The English Snowball stemmer ("Porter2", snowballstem.org/algorithms/english/stemmer.html) in the version that
/// Lucene.Net 4.8.0-beta00017 generated from english.sbl: its stems are what topics match on and what search
/// indexes already hold, so where today's description differs from that version, the older version wins.
/// </summary>
/// <remarks>
/// Vowels are a, e, i, o, u and y; a y that acts as a consonant is marked 'Y' while stemming, so it is not a
/// vowel and no suffix (all lower-case) matches through it. Any other letter, accented ones included, is a consonant.
/// Every step looks at a bounded end of the word, so the time is linear in its length.
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
    private static readonly FrozenSet<string> InvariantAfterStep1A =
        FrozenSet.Create(StringComparer.Ordinal, "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed");

    /// <summary>Stems that form their R1 at the prefix's end instead of after the first vowel–consonant pair.</summary>
    private static readonly string[] RegionPrefixes = ["gener", "commun", "arsen"];

    private static readonly string[] Step1BDoubles = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];

    /// <summary>Step 2's suffixes with their replacements, longest first (the longest one that ends the word is the only one tried).</summary>
    private static readonly (string Suffix, string Replacement)[] Step2Suffixes = LongestFirst(
    [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"),
        ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"), ("ogi", "og"), ("fulli", "ful"),
        ("lessli", "less"), ("li", ""),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step3Suffixes = LongestFirst(
    [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
        ("ful", ""), ("ness", ""), ("ative", ""),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step4Suffixes = LongestFirst(
    [
        ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""), ("ement", ""),
        ("ment", ""), ("ent", ""), ("ism", ""), ("ate", ""), ("iti", ""), ("ous", ""), ("ive", ""), ("ize", ""), ("ion", ""),
    ]);

    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string lower)
    {
        if (ExceptionalForms.TryGetValue(lower, out var exceptional)) return exceptional;
        if (lower.Length < 3) return lower;

        // A leading apostrophe is dropped (the length test above still counted it).
        var letters = lower.AsSpan(lower[0] == '\'' ? 1 : 0);
        Span<char> buffer = letters.Length <= MaxStackLength ? stackalloc char[letters.Length] : new char[letters.Length];
        letters.CopyTo(buffer);
        var word = new Word(buffer);
        var consonantYs = MarkConsonantYs(buffer);
        MarkRegions(ref word);

        Step1A(ref word);
        if (!InvariantAfterStep1A.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.Text))
        {
            Step1B(ref word);
            Step1C(ref word);
            Step2(ref word);
            Step3(ref word);
            Step4(ref word);
            Step5(ref word);
        }

        var stem = buffer[..word.Length];
        // Lucene turns 'Y' back only when it marked one, so a 'Y' the caller passed in stays as it was otherwise.
        if (consonantYs) stem.Replace('Y', 'y');
        return stem.SequenceEqual(lower) ? lower : new string(stem);
    }

    /// <summary>Marks as 'Y' a y at the start and a y after a vowel, so they count as consonants; whether it marked any.</summary>
    private static bool MarkConsonantYs(Span<char> chars)
    {
        var marked = false;
        for (var i = 0; i < chars.Length; i++)
        {
            // Left to right: in "sayyid" the second y follows a marked 'Y', a consonant, so stays a vowel.
            if (chars[i] == 'y' && (i == 0 || IsVowel(chars[i - 1])))
            {
                chars[i] = 'Y';
                marked = true;
            }
        }
        return marked;
    }

    /// <summary>R1 starts after the first consonant that follows a vowel (or after one of the special prefixes); R2 likewise within R1.</summary>
    private static void MarkRegions(ref Word word)
    {
        var text = word.Text;
        var r1 = -1;
        foreach (var prefix in RegionPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal)) r1 = prefix.Length;
        }
        if (r1 < 0) r1 = AfterVowelThenConsonant(text, 0);
        if (r1 < 0) return;
        word.R1 = r1;
        var r2 = AfterVowelThenConsonant(text, r1);
        if (r2 >= 0) word.R2 = r2;
    }

    /// <summary>The index after the first consonant that follows a vowel at or after <paramref name="from"/>, or -1.</summary>
    private static int AfterVowelThenConsonant(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        while (i < text.Length && !IsVowel(text[i])) i++;
        i++;
        while (i < text.Length && IsVowel(text[i])) i++;
        return i < text.Length ? i + 1 : -1;
    }

    /// <summary>Possessive endings, then plural -s forms.</summary>
    private static void Step1A(ref Word word)
    {
        if (word.EndsWith("'s'")) word.Truncate(3);
        else if (word.EndsWith("'s")) word.Truncate(2);
        else if (word.EndsWith("'")) word.Truncate(1);

        if (word.EndsWith("sses"))
        {
            word.ReplaceEnd(4, "ss");
        }
        else if (word.EndsWith("ied") || word.EndsWith("ies"))
        {
            // "cries" → "cri" but "ties" → "tie": two letters must remain before the i.
            word.ReplaceEnd(3, word.Length - 3 >= 2 ? "i" : "ie");
        }
        else if (word.EndsWith("us") || word.EndsWith("ss"))
        {
            // "bus", "class": not plurals.
        }
        else if (word.EndsWith("s") && ContainsVowel(word.Text[..Math.Max(0, word.Length - 2)]))
        {
            // Only if a vowel comes before the letter preceding the s: "gaps" → "gap", but "gas" stays.
            word.Truncate(1);
        }
    }

    /// <summary>-eed/-eedly become -ee in R1; -ed, -edly, -ing, -ingly go after a vowel, then the stem's end is tidied.</summary>
    private static void Step1B(ref Word word)
    {
        // Longest suffix first: an -eed word never falls back to -ed, even when -eed is outside R1.
        foreach (var eed in (ReadOnlySpan<string>)["eedly", "eed"])
        {
            if (!word.EndsWith(eed)) continue;
            if (word.Length - eed.Length >= word.R1) word.ReplaceEnd(eed.Length, "ee");
            return;
        }

        var suffixLength = 0;
        foreach (var suffix in (ReadOnlySpan<string>)["ingly", "edly", "ing", "ed"])
        {
            if (word.EndsWith(suffix))
            {
                suffixLength = suffix.Length;
                break;
            }
        }
        if (suffixLength == 0 || !ContainsVowel(word.Text[..(word.Length - suffixLength)])) return;
        word.Truncate(suffixLength);

        if (word.EndsWith("at") || word.EndsWith("bl") || word.EndsWith("iz"))
        {
            word.Append('e'); // "luxuriat" → "luxuriate"
        }
        else if (EndsWithAny(word, Step1BDoubles))
        {
            word.Truncate(1); // "hopp" → "hop"
        }
        else if (word.Length == word.R1 && EndsInShortSyllable(word.Text))
        {
            word.Append('e'); // a short word: "hop" → "hope"
        }
    }

    /// <summary>A final y after a consonant that is not the first letter becomes i: "cry" → "cri", but "by" stays.</summary>
    private static void Step1C(ref Word word)
    {
        var length = word.Length;
        if (length >= 3 && word[length - 1] is 'y' or 'Y' && !IsVowel(word[length - 2])) word.ReplaceEnd(1, "i");
    }

    /// <summary>Double suffixes in R1 reduced to single ones: -ational → -ate, -fulness → -ful, …</summary>
    private static void Step2(ref Word word)
    {
        if (LongestSuffix(word, Step2Suffixes) is not { } rule) return;
        var (suffix, replacement) = rule;
        var start = word.Length - suffix.Length;
        if (start < word.R1) return;
        switch (suffix)
        {
            case "ogi" when start == 0 || word[start - 1] != 'l':
                return; // only -logi: "analogi" → "analog"
            case "li" when start == 0 || !IsValidLiEnding(word[start - 1]):
                return;
        }
        word.ReplaceEnd(suffix.Length, replacement);
    }

    /// <summary>More suffixes in R1: -icate → -ic, -ness and -ful go, -ative goes only in R2.</summary>
    private static void Step3(ref Word word)
    {
        if (LongestSuffix(word, Step3Suffixes) is not { } rule) return;
        var (suffix, replacement) = rule;
        var start = word.Length - suffix.Length;
        if (start < word.R1 || (suffix == "ative" && start < word.R2)) return;
        word.ReplaceEnd(suffix.Length, replacement);
    }

    /// <summary>Suffixes in R2 removed; -ion only after s or t.</summary>
    private static void Step4(ref Word word)
    {
        if (LongestSuffix(word, Step4Suffixes) is not { Suffix: var suffix }) return;
        var start = word.Length - suffix.Length;
        if (start < word.R2) return;
        if (suffix == "ion" && (start == 0 || word[start - 1] is not ('s' or 't'))) return;
        word.Truncate(suffix.Length);
    }

    /// <summary>A final e in R2, or in R1 after anything but a short syllable, goes; a final l goes after another l in R2.</summary>
    private static void Step5(ref Word word)
    {
        var last = word.Length - 1;
        if (last < 0) return;
        if (word[last] == 'e')
        {
            if (last >= word.R2 || (last >= word.R1 && !EndsInShortSyllable(word.Text[..last]))) word.Truncate(1);
        }
        else if (word[last] == 'l' && last >= word.R2 && last > 0 && word[last - 1] == 'l')
        {
            word.Truncate(1);
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> ends in a short syllable: a consonant, a vowel, then a consonant other than
    /// w, x or 'Y'; or, for the whole word, a vowel then a consonant ("ow" counts).
    /// </summary>
    private static bool EndsInShortSyllable(ReadOnlySpan<char> text)
    {
        var n = text.Length;
        if (n >= 3 && !IsVowel(text[n - 3]) && IsVowel(text[n - 2]) && !IsVowel(text[n - 1]) && text[n - 1] is not ('w' or 'x' or 'Y')) return true;
        return n == 2 && IsVowel(text[0]) && !IsVowel(text[1]);
    }

    private static (string Suffix, string Replacement)? LongestSuffix(Word word, (string Suffix, string Replacement)[] longestFirst)
    {
        foreach (var rule in longestFirst)
        {
            if (word.EndsWith(rule.Suffix)) return rule;
        }
        return null;
    }

    private static bool EndsWithAny(Word word, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (word.EndsWith(ending)) return true;
        }
        return false;
    }

    private static (string Suffix, string Replacement)[] LongestFirst((string Suffix, string Replacement)[] rules) =>
        rules.OrderByDescending(rule => rule.Suffix.Length).ToArray();

    private static bool ContainsVowel(ReadOnlySpan<char> text) => text.IndexOfAny("aeiouy") >= 0;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The letters before which step 2 removes -li.</summary>
    private static bool IsValidLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

    /// <summary>The word being stemmed: its letters so far, shrinking from the end, and where its regions start.</summary>
    private ref struct Word(Span<char> chars)
    {
        private readonly Span<char> chars = chars;

        public int Length { get; private set; } = chars.Length;

        /// <summary>Where R1 starts; the whole word's length (an empty region) until found. Never moves as the word shrinks.</summary>
        public int R1 { get; set; } = chars.Length;

        public int R2 { get; set; } = chars.Length;

        public readonly ReadOnlySpan<char> Text => chars[..Length];

        public readonly char this[int index] => chars[index];

        public readonly bool EndsWith(string suffix) => Text.EndsWith(suffix, StringComparison.Ordinal);

        public void Truncate(int count) => Length -= count;

        /// <summary>Replaces the last <paramref name="count"/> letters; no replacement is longer than what it replaces.</summary>
        public void ReplaceEnd(int count, string replacement)
        {
            replacement.CopyTo(chars[(Length - count)..]);
            Length += replacement.Length - count;
        }

        /// <summary>Adds a letter where step 1b has just removed at least two.</summary>
        public void Append(char c) => chars[Length++] = c;
    }
}
