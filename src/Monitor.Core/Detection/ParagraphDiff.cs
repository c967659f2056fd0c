namespace MinistryMonitor.Core.Detection;

/// <summary>The diff of two versions, and the stretches of the new version that are new text.</summary>
internal sealed record DiffOutcome(StatementDiff Diff, IReadOnlyList<TextRange> Fresh)
{
    /// <summary>True when [start, end) overlaps inserted or changed text.</summary>
    public bool IsFresh(int start, int end)
    {
        foreach (var range in Fresh)
        {
            if (range.Overlaps(start, end)) return true;
        }
        return false;
    }
}

/// <summary>
/// Compares two versions of a statement paragraph by paragraph, then sentence by sentence inside the
/// paragraphs that changed, then word by word inside the sentences that changed. Comparison ignores
/// whitespace (re-wrapped lines are not edits), and a paragraph or sentence found anywhere in the old
/// version counts as unchanged, so moving text around does not make it new.
/// </summary>
internal static class ParagraphDiff
{
    /// <summary>Below this word similarity an edited sentence is taken as a new sentence, not a changed one.</summary>
    private const double SameSentenceThreshold = 0.3;

    public static DiffOutcome Compare(string oldText, string newText)
    {
        var changes = new List<TextChange>();
        var fresh = new List<TextRange>();
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
            return new DiffOutcome(new StatementDiff(false, changes), fresh);

        var oldParagraphs = TextLayout.Paragraphs(oldText);
        var newParagraphs = TextLayout.Paragraphs(newText);
        var oldKeys = oldParagraphs.Select(p => Key(oldText, p)).ToList();

        // Exact (whitespace-insensitive) paragraph matches, wherever they are: unchanged or moved.
        var oldByKey = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < oldKeys.Count; i++)
        {
            if (!oldByKey.TryGetValue(oldKeys[i], out var queue)) oldByKey[oldKeys[i]] = queue = new Queue<int>();
            queue.Enqueue(i);
        }
        var partnerOfNew = new int[newParagraphs.Count];
        var oldTaken = new bool[oldParagraphs.Count];
        for (var n = 0; n < newParagraphs.Count; n++)
        {
            partnerOfNew[n] = -1;
            if (oldByKey.TryGetValue(Key(newText, newParagraphs[n]), out var queue) && queue.Count > 0)
            {
                partnerOfNew[n] = queue.Dequeue();
                oldTaken[partnerOfNew[n]] = true;
            }
        }
        var exactlyMatched = (int[])partnerOfNew.Clone();

        // Every old sentence, so a sentence moved from another paragraph is not new either.
        var oldSentences = new HashSet<string>(StringComparer.Ordinal);
        var unmatchedOldBySentence = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var o = 0; o < oldParagraphs.Count; o++)
        {
            foreach (var sentence in TextLayout.Sentences(oldText, oldParagraphs[o]))
            {
                var key = Key(oldText, sentence);
                oldSentences.Add(key);
                if (oldTaken[o]) continue;
                if (!unmatchedOldBySentence.TryGetValue(key, out var list)) unmatchedOldBySentence[key] = list = [];
                list.Add(o);
            }
        }

        var unpairedOld = new SortedSet<int>(Enumerable.Range(0, oldParagraphs.Count).Where(o => !oldTaken[o]));
        for (var n = 0; n < newParagraphs.Count; n++)
        {
            if (partnerOfNew[n] >= 0) continue;
            var partner = PartnerBySharedSentences(newText, newParagraphs[n], unmatchedOldBySentence, unpairedOld)
                ?? PartnerByPosition(n, exactlyMatched, unpairedOld);
            if (partner is not { } o) continue;
            partnerOfNew[n] = o;
            unpairedOld.Remove(o);
        }

        for (var n = 0; n < newParagraphs.Count; n++)
        {
            var paragraph = newParagraphs[n];
            if (exactlyMatched[n] >= 0) continue;
            if (partnerOfNew[n] < 0)
            {
                changes.Add(new TextChange("added", null, Text(newText, paragraph), paragraph.Start, paragraph.Length));
                fresh.Add(paragraph);
                continue;
            }
            var old = oldParagraphs[partnerOfNew[n]];
            changes.Add(new TextChange("changed", Text(oldText, old), Text(newText, paragraph), paragraph.Start, paragraph.Length));
            CompareSentences(oldText, old, newText, paragraph, oldSentences, changes, fresh);
        }
        foreach (var o in unpairedOld)
            changes.Add(new TextChange("removed", Text(oldText, oldParagraphs[o]), null, null, null));

        return new DiffOutcome(new StatementDiff(false, changes), fresh);
    }

    private static void CompareSentences(
        string oldText, TextRange oldParagraph, string newText, TextRange newParagraph,
        HashSet<string> allOldSentences, List<TextChange> changes, List<TextRange> fresh)
    {
        var olds = TextLayout.Sentences(oldText, oldParagraph);
        var oldKeys = olds.Select(s => Key(oldText, s)).ToList();
        var oldUsed = new bool[olds.Count];
        var unmatchedNew = new List<TextRange>();
        foreach (var sentence in TextLayout.Sentences(newText, newParagraph))
        {
            var key = Key(newText, sentence);
            var same = oldKeys.FindIndex(k => k == key);
            while (same >= 0 && oldUsed[same]) same = oldKeys.FindIndex(same + 1, k => k == key);
            if (same >= 0) oldUsed[same] = true;
            else if (!allOldSentences.Contains(key)) unmatchedNew.Add(sentence);
        }

        foreach (var sentence in unmatchedNew)
        {
            var best = -1;
            var bestScore = SameSentenceThreshold;
            for (var o = 0; o < olds.Count; o++)
            {
                if (oldUsed[o]) continue;
                var score = WordDiff.Similarity(oldText, olds[o], newText, sentence);
                if (score >= bestScore) { best = o; bestScore = score; }
            }
            if (best < 0)
            {
                changes.Add(new TextChange("added", null, Text(newText, sentence), sentence.Start, sentence.Length, "sentence"));
                fresh.Add(sentence);
                continue;
            }
            oldUsed[best] = true;
            changes.Add(new TextChange("changed", Text(oldText, olds[best]), Text(newText, sentence), sentence.Start, sentence.Length, "sentence"));
            fresh.AddRange(WordDiff.InsertedRanges(oldText, olds[best], newText, sentence));
        }
        for (var o = 0; o < olds.Count; o++)
        {
            if (!oldUsed[o] && !string.IsNullOrEmpty(oldKeys[o]))
                changes.Add(new TextChange("removed", Text(oldText, olds[o]), null, null, null, "sentence"));
        }
    }

    private static int? PartnerBySharedSentences(string text, TextRange paragraph, Dictionary<string, List<int>> oldBySentence, SortedSet<int> unpaired)
    {
        var votes = new Dictionary<int, int>();
        foreach (var sentence in TextLayout.Sentences(text, paragraph))
        {
            if (!oldBySentence.TryGetValue(Key(text, sentence), out var owners)) continue;
            foreach (var o in owners)
            {
                if (unpaired.Contains(o)) votes[o] = votes.GetValueOrDefault(o) + 1;
            }
        }
        return votes.Count == 0 ? null : votes.MaxBy(v => v.Value).Key;
    }

    /// <summary>An edited paragraph that shares no sentence with its old self still sits between the same unchanged neighbours.</summary>
    private static int? PartnerByPosition(int n, int[] exactlyMatched, SortedSet<int> unpaired)
    {
        var before = -1;
        for (var i = n - 1; i >= 0; i--)
        {
            if (exactlyMatched[i] >= 0) { before = exactlyMatched[i]; break; }
        }
        var after = int.MaxValue;
        for (var i = n + 1; i < exactlyMatched.Length; i++)
        {
            if (exactlyMatched[i] >= 0) { after = exactlyMatched[i]; break; }
        }
        if (after - before < 2 || unpaired.Count == 0) return null;
        var low = before + 1;
        var high = Math.Min(after - 1, unpaired.Max);
        if (low > high) return null;
        var between = unpaired.GetViewBetween(low, high);
        return between.Count > 0 ? between.Min : null;
    }

    private static string Key(string text, TextRange range) => TextNormalizer.CollapseWhitespace(text.AsSpan(range.Start, range.Length));

    private static string Text(string text, TextRange range) => text.Substring(range.Start, range.Length);
}
