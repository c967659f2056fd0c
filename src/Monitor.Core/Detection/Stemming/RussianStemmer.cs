using System.Buffers;

namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// The Snowball Russian stemmer (snowballstem.org/algorithms/russian), as Lucene.Net 4.8's generated one has it,
/// which Core used before: every stem must stay the same, because topics match on stems and search indexes hold them.
/// </summary>
/// <remarks>
/// Lucene's version predates the algorithm's handling of "ё": it is neither turned into "е" nor a vowel, so a word
/// spelt with "ё" keeps it in its stem (e.g. "зелёный" gives "зелён", where today's algorithm gives "зелен"). That is
/// the only difference over the official Russian vocabulary: its 112 words with "ё", of 49,785. (WordForms folds
/// "ё" to "е" before stemming, so detection never passes one; the rule is kept so the stems equal Lucene's for any input.)
/// All endings are removed only inside RV, the part of the word after its first vowel.
/// </remarks>
internal static class RussianStemmer
{
    /// <summary>Longer words are stemmed in a heap buffer, to keep the stack small.</summary>
    private const int StackLimit = 128;

    private static readonly SearchValues<char> Vowels = SearchValues.Create("аеиоуыэюя");

    // Each group of endings is removed only after "а" or "я" (group 1) or wherever it occurs (group 2);
    // Snowball picks the longest ending first, then applies that ending's group.
    private static readonly string[] PerfectiveGerund1 = ["в", "вши", "вшись"];
    private static readonly string[] PerfectiveGerund2 = ["ив", "ыв", "ивши", "ывши", "ившись", "ывшись"];
    private static readonly Endings PerfectiveGerunds = new([.. PerfectiveGerund1, .. PerfectiveGerund2]);

    private static readonly Endings Adjectives = new(
        ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому",
         "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"]);

    private static readonly string[] Participle1 = ["ем", "нн", "вш", "ющ", "щ"];
    private static readonly string[] Participle2 = ["ивш", "ывш", "ующ"];
    private static readonly Endings Participles = new([.. Participle1, .. Participle2]);

    private static readonly Endings Reflexives = new("ся", "сь");

    private static readonly string[] Verb1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"];
    private static readonly string[] Verb2 =
        ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло",
         "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"];
    private static readonly Endings Verbs = new([.. Verb1, .. Verb2]);

    private static readonly Endings Nouns = new(
        ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям", "ям",
         "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"]);

    private static readonly Endings Derivationals = new("ость", "ост");

    private static readonly Endings TidyUps = new("ейше", "ейш", "н", "ь");

    public static string Stem(string lower)
    {
        Span<char> buffer = lower.Length <= StackLimit ? stackalloc char[lower.Length] : new char[lower.Length];
        var word = new StemmedWord(buffer, lower);
        // RV: after the first vowel. R2: the standard one, measured from the start of the word.
        var firstVowel = word.IndexOfAny(0, Vowels);
        var rv = firstVowel < 0 ? word.Length : firstVowel + 1;
        var r2 = word.AfterVowelAndNonVowel(word.AfterVowelAndNonVowel(0, Vowels), Vowels);

        // Step 1: a perfective gerund, else an optional reflexive ending followed by an adjectival, verb or noun ending.
        if (!RemoveGroupedEnding(ref word, PerfectiveGerunds, PerfectiveGerund1, rv))
        {
            RemoveEnding(ref word, Reflexives, rv);
            _ = RemoveAdjectival(ref word, rv)
                || RemoveGroupedEnding(ref word, Verbs, Verb1, rv)
                || RemoveEnding(ref word, Nouns, rv);
        }

        // Step 2.
        if (word.EndsWith("и", rv)) word.Cut(1);

        // Step 3: "ост(ь)" only when it lies in R2.
        if (word.LongestEnding(Derivationals, rv) is { } derivational && word.StartOf(derivational) >= r2)
        {
            word.Cut(derivational.Length);
        }

        TidyUp(ref word, rv);
        return word.ToString(lower);
    }

    /// <summary>An adjective ending, then possibly a participle ending before it.</summary>
    private static bool RemoveAdjectival(ref StemmedWord word, int rv)
    {
        if (!RemoveEnding(ref word, Adjectives, rv)) return false;
        RemoveGroupedEnding(ref word, Participles, Participle1, rv);
        return true;
    }

    /// <summary>Step 4: "ейш(е)" then "нн" to "н"; or "нн" to "н"; or a final soft sign.</summary>
    private static void TidyUp(ref StemmedWord word, int rv)
    {
        var ending = word.LongestEnding(TidyUps, rv);
        switch (ending)
        {
            case "ейше" or "ейш":
                word.Cut(ending.Length);
                UndoubleN(ref word, rv);
                break;
            case "н":
                UndoubleN(ref word, rv);
                break;
            case "ь":
                word.Cut(1);
                break;
        }
    }

    private static void UndoubleN(ref StemmedWord word, int rv)
    {
        if (word.EndsWith("нн", rv)) word.Cut(1);
    }

    private static bool RemoveEnding(ref StemmedWord word, Endings endings, int rv)
    {
        if (word.LongestEnding(endings, rv) is not { } ending) return false;
        word.Cut(ending.Length);
        return true;
    }

    /// <summary>
    /// Removes the longest of <paramref name="endings"/> in RV; an ending of <paramref name="group1"/>
    /// only when "а" or "я" precedes it, itself in RV (the letter stays). False when nothing was removed.
    /// </summary>
    private static bool RemoveGroupedEnding(ref StemmedWord word, Endings endings, string[] group1, int rv)
    {
        if (word.LongestEnding(endings, rv) is not { } ending) return false;
        var start = word.StartOf(ending);
        if (group1.Contains(ending) && !(start - 1 >= rv && word[start - 1] is 'а' or 'я')) return false;
        word.Cut(ending.Length);
        return true;
    }
}
