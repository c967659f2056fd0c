namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// The German Snowball stemmer (snowballstem.org/algorithms/german/stemmer.html) in the version that Lucene.Net
/// 4.8.0-beta00017 generated from german.sbl: its stems are what topics match on and what search indexes already
/// hold, so where today's description differs from that version, the older version wins.
/// </summary>
/// <remarks>
/// Vowels are a, e, i, o, u, y, ä, ö and ü; a u or y between vowels is marked 'U' or 'Y' while stemming, so it
/// counts as a consonant and no suffix matches through it. Any other letter is a consonant. Unlike today's version,
/// this one does not turn -niss back into -nis after removing -e/-en/-es ("kenntnisse" → "kenntniss"), and it
/// removes the umlauts at the end ("häuser" → "haus"). Every step looks at a bounded end of the word, so the time is
/// linear in its length.
/// </remarks>
internal static class GermanStemmer
{
    /// <summary>Longer words are stemmed in a heap buffer rather than on the stack.</summary>
    private const int MaxStackLength = 64;

    /// <summary>Step 1's suffixes, longest first: the longest one that ends the word is the only one tried.</summary>
    private static readonly string[] Step1Suffixes = ["ern", "em", "en", "er", "es", "e", "s"];

    private static readonly string[] Step2Suffixes = ["est", "en", "er", "st"];

    private static readonly string[] Step3Suffixes = ["isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"];

    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string lower)
    {
        var sharpS = lower.AsSpan().Count('ß');
        var length = lower.Length + sharpS;
        Span<char> buffer = length <= MaxStackLength ? stackalloc char[length] : new char[length];
        var word = new Word(buffer);
        foreach (var c in lower)
        {
            // ß is stemmed as the ss it stands for.
            if (c == 'ß') word.Append("ss");
            else word.Append(c);
        }
        MarkConsonantUsAndYs(buffer);
        MarkRegions(ref word);

        Step1(ref word);
        Step2(ref word);
        Step3(ref word);

        var stem = buffer[..word.Length];
        RemoveMarksAndUmlauts(stem);
        return stem.SequenceEqual(lower) ? lower : new string(stem);
    }

    /// <summary>A u or y between two vowels is a consonant: "bauen" is stemmed as "baUen".</summary>
    private static void MarkConsonantUsAndYs(Span<char> chars)
    {
        // Left to right, so a marked letter no longer counts as a vowel for the next one: "auue" → "aUue".
        for (var i = 1; i + 1 < chars.Length; i++)
        {
            if (chars[i] is 'u' or 'y' && IsVowel(chars[i - 1]) && IsVowel(chars[i + 1])) chars[i] = char.ToUpperInvariant(chars[i]);
        }
    }

    /// <summary>
    /// R1 starts after the first consonant that follows a vowel, but not before the fourth letter; R2 starts after
    /// the next consonant that follows a vowel, counted from R1's unadjusted start.
    /// </summary>
    private static void MarkRegions(ref Word word)
    {
        var text = word.Text;
        if (text.Length < 3) return;
        var r1 = AfterVowelThenConsonant(text, 0);
        if (r1 < 0) return;
        word.R1 = Math.Max(r1, 3);
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

    /// <summary>Inflection endings in R1: -e, -em, -en, -ern, -er, -es go; -s goes after a valid s-ending.</summary>
    private static void Step1(ref Word word)
    {
        if (LongestSuffix(word, Step1Suffixes) is not { } suffix) return;
        var start = word.Length - suffix.Length;
        if (start < word.R1) return;
        if (suffix == "s" && (start == 0 || !IsValidSEnding(word[start - 1]))) return;
        word.Truncate(suffix.Length);
    }

    /// <summary>Comparative and verb endings in R1: -en, -er, -est go; -st goes after a valid st-ending with three letters before that.</summary>
    private static void Step2(ref Word word)
    {
        if (LongestSuffix(word, Step2Suffixes) is not { } suffix) return;
        var start = word.Length - suffix.Length;
        if (start < word.R1) return;
        if (suffix == "st" && (start < 4 || !IsValidStEnding(word[start - 1]))) return;
        word.Truncate(suffix.Length);
    }

    /// <summary>Derivational suffixes in R2, each with its own follow-up.</summary>
    private static void Step3(ref Word word)
    {
        if (LongestSuffix(word, Step3Suffixes) is not { } suffix) return;
        var start = word.Length - suffix.Length;
        if (start < word.R2) return;
        switch (suffix)
        {
            case "end" or "ung":
                word.Truncate(suffix.Length);
                // "-igend", "-igung": the -ig goes too, in R2 and not after e.
                if (word.EndsWith("ig") && word.Length - 2 >= word.R2 && !PrecededByE(word, word.Length - 2)) word.Truncate(2);
                break;
            case "ig" or "ik" or "isch":
                if (!PrecededByE(word, start)) word.Truncate(suffix.Length);
                break;
            case "lich" or "heit":
                word.Truncate(suffix.Length);
                // "-erlich", "-enheit": the -er or -en goes too, in R1.
                if ((word.EndsWith("er") || word.EndsWith("en")) && word.Length - 2 >= word.R1) word.Truncate(2);
                break;
            case "keit":
                word.Truncate(suffix.Length);
                // "-lichkeit", "-igkeit": the -lich or -ig goes too, in R2.
                if (LongestSuffix(word, ["lich", "ig"]) is { } inner && word.Length - inner.Length >= word.R2) word.Truncate(inner.Length);
                break;
        }
    }

    /// <summary>'U' and 'Y' back to u and y; ä, ö, ü to a, o, u.</summary>
    private static void RemoveMarksAndUmlauts(Span<char> chars)
    {
        foreach (ref var c in chars)
        {
            c = c switch
            {
                'U' or 'ü' => 'u',
                'Y' => 'y',
                'ä' => 'a',
                'ö' => 'o',
                _ => c,
            };
        }
    }

    private static string? LongestSuffix(Word word, ReadOnlySpan<string> longestFirst)
    {
        foreach (var suffix in longestFirst)
        {
            if (word.EndsWith(suffix)) return suffix;
        }
        return null;
    }

    private static bool PrecededByE(Word word, int start) => start > 0 && word[start - 1] == 'e';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'ö' or 'ü';

    /// <summary>The letters after which step 1 removes -s.</summary>
    private static bool IsValidSEnding(char c) => c is 'b' or 'd' or 'f' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'r' or 't';

    /// <summary>The letters after which step 2 removes -st: those of -s but r.</summary>
    private static bool IsValidStEnding(char c) => c != 'r' && IsValidSEnding(c);

    /// <summary>The word being stemmed: its letters so far, shrinking from the end, and where its regions start.</summary>
    private ref struct Word(Span<char> chars)
    {
        private readonly Span<char> chars = chars;

        public int Length { get; private set; }

        /// <summary>Where R1 starts; the end of the word (an empty region) until found. Never moves as the word shrinks.</summary>
        public int R1 { get; set; } = chars.Length;

        public int R2 { get; set; } = chars.Length;

        public readonly ReadOnlySpan<char> Text => chars[..Length];

        public readonly char this[int index] => chars[index];

        public readonly bool EndsWith(string suffix) => Text.EndsWith(suffix, StringComparison.Ordinal);

        public void Truncate(int count) => Length -= count;

        public void Append(char c) => chars[Length++] = c;

        public void Append(string text)
        {
            text.CopyTo(chars[Length..]);
            Length += text.Length;
        }
    }
}
