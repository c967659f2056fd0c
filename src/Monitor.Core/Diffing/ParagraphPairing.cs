using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Within one stretch of removed and written paragraphs, finds which new paragraph is an edit of which old one: the
/// one it shares most sentences with, else the next one in order (an edited paragraph that shares no sentence with
/// its old self still sits between the same unchanged neighbours).
/// </summary>
internal static class ParagraphPairing
{
    /// <returns>For each written paragraph, its old self (an index into <paramref name="olds"/>), or -1.</returns>
    public static int[] Pair(DiffKeys keys, string oldText, List<TextRange> olds, List<int> deleted, string newText, List<TextRange> news, List<int> written, DiffWork work)
    {
        var partner = new int[written.Count];
        Array.Fill(partner, -1);
        if (deleted.Count == 0 || written.Count == 0) return partner;

        var ownersBySentence = new Dictionary<int, List<int>>();
        foreach (var o in deleted)
        {
            foreach (var sentence in TextLayout.Sentences(oldText, olds[o]))
            {
                var key = keys.Passage(oldText, sentence);
                if (!ownersBySentence.TryGetValue(key, out var owners)) ownersBySentence[key] = owners = [];
                if (owners.Count == 0 || owners[^1] != o) owners.Add(o);
                work.Spend(1);
            }
        }
        var taken = new HashSet<int>();
        for (var w = 0; w < written.Count; w++)
        {
            var votes = new Dictionary<int, int>();
            foreach (var sentence in TextLayout.Sentences(newText, news[written[w]]))
            {
                if (!ownersBySentence.TryGetValue(keys.Passage(newText, sentence), out var owners)) continue;
                // A sentence repeated in many removed paragraphs votes for the first few only: the vote stays linear.
                foreach (var o in owners.Take(8))
                {
                    if (!taken.Contains(o)) votes[o] = votes.GetValueOrDefault(o) + 1;
                }
                work.Spend(1 + Math.Min(owners.Count, 8));
            }
            if (votes.Count == 0) continue;
            partner[w] = votes.MaxBy(v => v.Value).Key;
            taken.Add(partner[w]);
        }

        using var remaining = deleted.Where(o => !taken.Contains(o)).GetEnumerator();
        for (var w = 0; w < written.Count; w++)
        {
            if (partner[w] >= 0) continue;
            if (!remaining.MoveNext()) break;
            partner[w] = remaining.Current;
        }
        return partner;
    }
}
