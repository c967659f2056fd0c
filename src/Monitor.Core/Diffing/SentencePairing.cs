using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Within one stretch of deleted and inserted sentences, finds which inserted sentence is an edit of which deleted
/// one: the most similar by words (Dice over distinct words), if at least <see cref="SameSentenceThreshold"/>.
/// Weighing every pair is quadratic, so a stretch of more than <see cref="MaxPairs"/> pairs is left unpaired (whole
/// sentences replaced): real edits rewrite a few sentences, not hundreds.
/// </summary>
internal static class SentencePairing
{
    /// <summary>Below this word similarity an edited sentence is taken as a new sentence, not a changed one.</summary>
    public const double SameSentenceThreshold = 0.3;
    public const int MaxPairs = 400;

    /// <returns>For each inserted sentence, the index in <paramref name="deleted"/> of its old self, or -1.</returns>
    public static int[] Pair(DiffKeys keys, string oldText, IReadOnlyList<TextRange> deleted, string newText, IReadOnlyList<TextRange> inserted, DiffWork work)
    {
        var partner = new int[inserted.Count];
        Array.Fill(partner, -1);
        if (deleted.Count == 0 || inserted.Count == 0 || (long)deleted.Count * inserted.Count > MaxPairs) return partner;

        var oldWords = deleted.Select(s => Words(keys, oldText, s)).ToList();
        var newWords = inserted.Select(s => Words(keys, newText, s)).ToList();
        work.Spend(oldWords.Sum(w => w.Count) + newWords.Sum(w => w.Count));
        var used = new bool[deleted.Count];
        for (var n = 0; n < inserted.Count; n++)
        {
            var best = -1;
            var bestScore = SameSentenceThreshold;
            for (var o = 0; o < deleted.Count; o++)
            {
                if (used[o]) continue;
                var score = Dice(oldWords[o], newWords[n], work);
                if (score >= bestScore) { best = o; bestScore = score; }
            }
            if (best < 0) continue;
            used[best] = true;
            partner[n] = best;
        }
        return partner;
    }

    private static HashSet<int> Words(DiffKeys keys, string text, TextRange sentence) =>
        keys.Tokens(text, sentence).Where(t => t.IsWord).Select(t => t.Key).ToHashSet();

    private static double Dice(HashSet<int> a, HashSet<int> b, DiffWork work)
    {
        if (a.Count + b.Count == 0) return 1;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        work.Spend(small.Count);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }
}
