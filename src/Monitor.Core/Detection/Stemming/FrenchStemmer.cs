using System.Buffers;

namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// The Snowball French stemmer (snowballstem.org/algorithms/french), as Lucene.Net 4.8's generated one has it,
/// which Core used before: every stem must stay the same, because topics match on stems and search indexes hold them.
/// </summary>
/// <remarks>
/// Lucene's version is older than today's algorithm, which stems 919 of the 21,655 words of the official French
/// vocabulary differently: it strips elisions ("d'abord"), treats "ï" and "ë" apart ("ambiguïté", "aiguë") and
/// knows plurals in "-oux" ("bijoux"). Where the two differ this class follows Lucene.
/// Step 1 (standard suffixes) looks at the whole word and checks RV, R1 or R2 per ending; steps 2a, 2b and 4 see only RV.
/// </remarks>
internal static class FrenchStemmer
{
    /// <summary>Longer words are stemmed in a heap buffer, to keep the stack small.</summary>
    private const int StackLimit = 128;

    /// <summary>The algorithm's vowels; not "ü", "ÿ", "æ", "œ", nor the capitals the prelude writes, which count as consonants.</summary>
    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouyâàëéêèïîôûù");

    private static readonly Endings StandardSuffixes = new(
        "ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes",
        "atrice", "ateur", "ation", "atrices", "ateurs", "ations",
        "logie", "logies", "usion", "ution", "usions", "utions", "ence", "ences",
        "ement", "ements", "ité", "ités", "if", "ive", "ifs", "ives", "eaux", "aux", "euse", "euses",
        "issement", "issements", "amment", "emment", "ment", "ments");

    private static readonly Endings BeforeEment = new("iv", "eus", "abl", "iqU", "ièr", "Ièr");

    private static readonly Endings BeforeIte = new("abil", "ic", "iv");

    private static readonly Endings IVerbSuffixes = new(
        "îmes", "îtes", "ît", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras", "irent", "irez",
        "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant", "issante", "issantes",
        "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons", "it");

    private static readonly string[] DeletedVerbSuffixes =
        ["é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez", "eriez",
         "erions", "erons", "eront", "ez", "iez"];

    /// <summary>Removed with an "e" before them, if it is in RV.</summary>
    private static readonly string[] AVerbSuffixes =
        ["âmes", "ât", "âtes", "a", "ai", "aIent", "ais", "ait", "ant", "ante", "antes", "ants", "as", "asse", "assent",
         "asses", "assiez", "assions"];

    private static readonly Endings VerbSuffixes = new(["ions", .. DeletedVerbSuffixes, .. AVerbSuffixes]);

    private static readonly Endings ResidualSuffixes = new("ion", "ier", "ière", "Ier", "Ière", "e", "ë");

    private static readonly string[] DoubledEndings = ["enn", "onn", "ett", "ell", "eill"];

    public static string Stem(string lower)
    {
        Span<char> buffer = lower.Length <= StackLimit ? stackalloc char[lower.Length] : new char[lower.Length];
        var word = new StemmedWord(buffer, lower);
        MarkNonVowels(ref word);
        var regions = Regions.Of(word);

        if (RemoveStandardSuffix(ref word, regions) || RemoveIVerbSuffix(ref word, regions) || RemoveVerbSuffix(ref word, regions))
        {
            // Step 3: only after an ending was removed by step 1 or 2.
            if (word.EndsWith("Y")) word.Replace("Y", "i");
            else if (word.EndsWith("ç")) word.Replace("ç", "c");
        }
        else
        {
            RemoveResidualSuffix(ref word, regions);
        }

        Undouble(ref word);
        Unaccent(ref word);
        UnmarkNonVowels(ref word);
        return word.ToString(lower);
    }

    /// <summary>
    /// Writes "u" and "i" between vowels, "y" next to a vowel and "u" after "q" in capitals, which the steps treat as
    /// consonants. One pass from the left; each mark is seen by the tests at later positions.
    /// </summary>
    private static void MarkNonVowels(ref StemmedWord word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var hasNext = i + 1 < word.Length;
            var next = hasNext ? word[i + 1] : '\0';
            var vowelAfterNext = i + 2 < word.Length && IsVowel(word[i + 2]);
            if (IsVowel(word[i]) && next is 'u' or 'i' && vowelAfterNext) word[i + 1] = char.ToUpperInvariant(next);
            else if (IsVowel(word[i]) && next == 'y') word[i + 1] = 'Y';
            else if (word[i] == 'y' && hasNext && IsVowel(next)) word[i] = 'Y';
            else if (word[i] == 'q' && next == 'u') word[i + 1] = 'U';
        }
    }

    private static void UnmarkNonVowels(ref StemmedWord word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] is 'I' or 'U' or 'Y') word[i] = char.ToLowerInvariant(word[i]);
        }
    }

    /// <summary>Step 1. False when step 2 must run: no ending found, its condition failed, or it was one of the "-ment" endings.</summary>
    private static bool RemoveStandardSuffix(ref StemmedWord word, Regions regions)
    {
        var suffix = word.LongestEnding(StandardSuffixes);
        if (suffix is null) return false;
        var start = word.StartOf(suffix);
        switch (suffix)
        {
            case "ance" or "iqUe" or "isme" or "able" or "iste" or "eux" or "ances" or "iqUes" or "ismes" or "ables" or "istes":
                return CutInR2(ref word, suffix, regions);
            case "atrice" or "ateur" or "ation" or "atrices" or "ateurs" or "ations":
                if (!CutInR2(ref word, suffix, regions)) return false;
                CutOrRewriteIc(ref word, regions);
                return true;
            case "logie" or "logies":
                return ReplaceInR2(ref word, suffix, "log", regions);
            case "usion" or "ution" or "usions" or "utions":
                return ReplaceInR2(ref word, suffix, "u", regions);
            case "ence" or "ences":
                return ReplaceInR2(ref word, suffix, "ent", regions);
            case "ement" or "ements":
                if (start < regions.Rv) return false;
                word.Cut(suffix.Length);
                RemoveBeforeEment(ref word, regions);
                return true;
            case "ité" or "ités":
                if (!CutInR2(ref word, suffix, regions)) return false;
                RemoveBeforeIte(ref word, regions);
                return true;
            case "if" or "ive" or "ifs" or "ives":
                if (!CutInR2(ref word, suffix, regions)) return false;
                if (CutInR2(ref word, "at", regions)) CutOrRewriteIc(ref word, regions);
                return true;
            case "eaux":
                word.Replace(suffix, "eau");
                return true;
            case "aux":
                if (start < regions.R1) return false;
                word.Replace(suffix, "al");
                return true;
            case "euse" or "euses":
                return CutInR2(ref word, suffix, regions) || ReplaceInR1(ref word, suffix, "eux", regions);
            case "issement" or "issements":
                if (start < regions.R1 || IsVowel(word[start - 1])) return false;
                word.Cut(suffix.Length);
                return true;
            // The adverb endings are rewritten or removed, but step 2 still runs on what is left
            // ("couramment" -> "courant" -> "cour").
            case "amment":
                if (start >= regions.Rv) word.Replace(suffix, "ant");
                return false;
            case "emment":
                if (start >= regions.Rv) word.Replace(suffix, "ent");
                return false;
            default: // "ment", "ments": after a vowel in RV.
                if (start - 1 >= regions.Rv && IsVowel(word[start - 1])) word.Cut(suffix.Length);
                return false;
        }
    }

    private static void RemoveBeforeEment(ref StemmedWord word, Regions regions)
    {
        var suffix = word.LongestEnding(BeforeEment);
        switch (suffix)
        {
            case "iv":
                if (CutInR2(ref word, suffix, regions)) CutInR2(ref word, "at", regions);
                break;
            case "eus":
                _ = CutInR2(ref word, suffix, regions) || ReplaceInR1(ref word, suffix, "eux", regions);
                break;
            case "abl" or "iqU":
                CutInR2(ref word, suffix, regions);
                break;
            case "ièr" or "Ièr":
                if (word.StartOf(suffix) >= regions.Rv) word.Replace(suffix, "i");
                break;
        }
    }

    private static void RemoveBeforeIte(ref StemmedWord word, Regions regions)
    {
        var suffix = word.LongestEnding(BeforeIte);
        switch (suffix)
        {
            case "abil":
                if (!CutInR2(ref word, suffix, regions)) word.Replace(suffix, "abl");
                break;
            case "ic":
                CutOrRewriteIc(ref word, regions);
                break;
            case "iv":
                CutInR2(ref word, suffix, regions);
                break;
        }
    }

    /// <summary>A final "ic" goes when in R2, else becomes "iqU".</summary>
    private static void CutOrRewriteIc(ref StemmedWord word, Regions regions)
    {
        if (word.EndsWith("ic") && !CutInR2(ref word, "ic", regions)) word.Replace("ic", "iqU");
    }

    /// <summary>Step 2a: an "i" verb ending in RV, after a non-vowel also in RV.</summary>
    private static bool RemoveIVerbSuffix(ref StemmedWord word, Regions regions)
    {
        if (word.LongestEnding(IVerbSuffixes, regions.Rv) is not { } suffix) return false;
        var start = word.StartOf(suffix);
        if (start - 1 < regions.Rv || IsVowel(word[start - 1])) return false;
        word.Cut(suffix.Length);
        return true;
    }

    /// <summary>Step 2b: other verb endings in RV; "ions" only in R2; an "a" ending takes an "e" before it in RV too.</summary>
    private static bool RemoveVerbSuffix(ref StemmedWord word, Regions regions)
    {
        if (word.LongestEnding(VerbSuffixes, regions.Rv) is not { } suffix) return false;
        if (suffix == "ions") return CutInR2(ref word, suffix, regions);
        word.Cut(suffix.Length);
        if (AVerbSuffixes.Contains(suffix) && word.EndsWith("e", regions.Rv)) word.Cut(1);
        return true;
    }

    /// <summary>Step 4: a final "s" (not after a, i, o, u, è or s), then one residual ending in RV.</summary>
    private static void RemoveResidualSuffix(ref StemmedWord word, Regions regions)
    {
        if (word.Length >= 2 && word.EndsWith("s") && word[word.Length - 2] is not ('a' or 'i' or 'o' or 'u' or 'è' or 's'))
        {
            word.Cut(1);
        }
        var suffix = word.LongestEnding(ResidualSuffixes, regions.Rv);
        switch (suffix)
        {
            case "ion":
                var start = word.StartOf(suffix);
                if (start >= regions.R2 && start - 1 >= regions.Rv && word[start - 1] is 's' or 't') word.Cut(suffix.Length);
                break;
            case "ier" or "ière" or "Ier" or "Ière":
                word.Replace(suffix, "i");
                break;
            case "e":
                word.Cut(1);
                break;
            case "ë":
                if (word.EndsWith("guë", regions.Rv)) word.Cut(1);
                break;
        }
    }

    /// <summary>Step 5: "enn", "onn", "ett", "ell", "eill" lose their last letter.</summary>
    private static void Undouble(ref StemmedWord word)
    {
        foreach (var ending in DoubledEndings)
        {
            if (!word.EndsWith(ending)) continue;
            word.Cut(1);
            return;
        }
    }

    /// <summary>Step 6: an "é" or "è" followed only by non-vowels (at least one) becomes "e".</summary>
    private static void Unaccent(ref StemmedWord word)
    {
        var i = word.Length - 1;
        while (i >= 0 && !IsVowel(word[i])) i--;
        if (i >= 0 && i < word.Length - 1 && word[i] is 'é' or 'è') word[i] = 'e';
    }

    private static bool CutInR2(ref StemmedWord word, string suffix, Regions regions)
    {
        if (!word.EndsWith(suffix, regions.R2)) return false;
        word.Cut(suffix.Length);
        return true;
    }

    private static bool ReplaceInR2(ref StemmedWord word, string suffix, string replacement, Regions regions)
    {
        if (!word.EndsWith(suffix, regions.R2)) return false;
        word.Replace(suffix, replacement);
        return true;
    }

    private static bool ReplaceInR1(ref StemmedWord word, string suffix, string replacement, Regions regions)
    {
        if (!word.EndsWith(suffix, regions.R1)) return false;
        word.Replace(suffix, replacement);
        return true;
    }

    private static bool IsVowel(char letter) => Vowels.Contains(letter);

    /// <summary>Where RV, R1 and R2 start, measured on the marked word before any ending is removed.</summary>
    private readonly record struct Regions(int Rv, int R1, int R2)
    {
        public static Regions Of(StemmedWord word)
        {
            var r1 = word.AfterVowelAndNonVowel(0, Vowels);
            return new Regions(StartOfRv(word), r1, word.AfterVowelAndNonVowel(r1, Vowels));
        }

        /// <summary>
        /// After the third letter when the word starts with two vowels or with "par", "col" or "tap" (the algorithm's
        /// exceptions: "paris", "colis", "tapis"), else after the first vowel that is not the first letter.
        /// </summary>
        private static int StartOfRv(StemmedWord word)
        {
            if (word.Length >= 3 && IsVowel(word[0]) && IsVowel(word[1])) return 3;
            if (word.StartsWith("par") || word.StartsWith("col") || word.StartsWith("tap")) return 3;
            var vowel = word.IndexOfAny(1, Vowels);
            return vowel < 0 ? word.Length : vowel + 1;
        }
    }
}
