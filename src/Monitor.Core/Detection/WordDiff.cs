namespace MinistryMonitor.Core.Detection;

/// <summary>
/// Which words of a changed sentence are new: a longest-common-subsequence alignment of the two sentences'
/// words. Sentences are short, so the quadratic table is cheap; a pathological one is treated as wholly new.
/// </summary>
internal static class WordDiff
{
    private const long MaxCells = 1_000_000;

    /// <summary>The ranges of <paramref name="newText"/> covered by words that are not in the old sentence.</summary>
    public static List<TextRange> InsertedRanges(string oldText, TextRange oldSentence, string newText, TextRange newSentence)
    {
        var oldWords = Words(oldText, oldSentence);
        var newWords = Words(newText, newSentence);
        var result = new List<TextRange>();
        if ((long)oldWords.Count * newWords.Count > MaxCells)
        {
            result.Add(newSentence);
            return result;
        }

        var n = oldWords.Count;
        var m = newWords.Count;
        // lengths[i, j] = LCS of oldWords[i..] and newWords[j..]
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = oldWords[i].Key == newWords[j].Key
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var inCommon = new bool[m];
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (oldWords[i].Key == newWords[j].Key) { inCommon[j] = true; i++; j++; }
            else if (lengths[i + 1, j] >= lengths[i, j + 1]) i++;
            else j++;
        }

        for (var j = 0; j < m; j++)
        {
            if (inCommon[j]) continue;
            var first = j;
            while (j + 1 < m && !inCommon[j + 1]) j++;
            result.Add(new TextRange(newWords[first].Range.Start, newWords[j].Range.End));
        }
        return result;
    }

    /// <summary>Word-level similarity (Dice over distinct lower-cased words), for pairing edited sentences.</summary>
    public static double Similarity(string oldText, TextRange oldSentence, string newText, TextRange newSentence)
    {
        var a = Words(oldText, oldSentence).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        var b = Words(newText, newSentence).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        if (a.Count + b.Count == 0) return 1;
        var shared = a.Count(b.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }

    private static List<(string Key, TextRange Range)> Words(string text, TextRange range)
    {
        var words = WordTokenizer.Tokenize(text.Substring(range.Start, range.Length));
        return words
            .Select(w => (TextNormalizer.Lower(TextNormalizer.Canonical(text.AsSpan(range.Start + w.Start, w.Length))),
                new TextRange(range.Start + w.Start, range.Start + w.End)))
            .ToList();
    }
}
