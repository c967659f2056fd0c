namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Myers' O((N+M)·D) shortest edit script over sequences of keys (paragraphs, sentences or words already turned into
/// numbers), after stripping the common prefix and suffix. Its cost grows with the square of the number of edits,
/// so each call gets a budget proportional to its input (<see cref="StepsPerItem"/>): a hostile pair of texts that
/// share nothing runs out of budget early and comes back as "everything replaced", which is also what a reader would
/// make of it. Real edits (a few words or sentences) never come near the budget.
/// </summary>
internal static class SequenceDiff
{
    /// <summary>Budget per item of input; with D edits Myers visits about D² cells, so up to ~√(64·(N+M)) edits are found exactly.</summary>
    public const int StepsPerItem = 64;
    private const int BaseSteps = 4096;

    public static List<SequenceEdit> Compare(int[] older, int[] newer, DiffWork work)
    {
        var prefix = 0;
        while (prefix < older.Length && prefix < newer.Length && older[prefix] == newer[prefix]) prefix++;
        var suffix = 0;
        while (suffix < older.Length - prefix && suffix < newer.Length - prefix
               && older[older.Length - 1 - suffix] == newer[newer.Length - 1 - suffix]) suffix++;
        work.Spend(prefix + suffix + 1);

        var edits = new List<SequenceEdit>();
        if (prefix > 0) edits.Add(new SequenceEdit(EditKind.Equal, 0, 0, prefix));
        var oldMiddle = older.Length - prefix - suffix;
        var newMiddle = newer.Length - prefix - suffix;
        var budget = StepsPerItem * (long)(older.Length + newer.Length) + BaseSteps;
        if (oldMiddle > 0 && newMiddle > 0)
        {
            var middle = Myers(older.AsSpan(prefix, oldMiddle), newer.AsSpan(prefix, newMiddle), budget, work);
            if (middle is null)
            {
                edits.Add(new SequenceEdit(EditKind.Delete, prefix, prefix, oldMiddle));
                edits.Add(new SequenceEdit(EditKind.Insert, prefix + oldMiddle, prefix, newMiddle));
            }
            else
            {
                foreach (var e in middle) Append(edits, e with { OldIndex = e.OldIndex + prefix, NewIndex = e.NewIndex + prefix });
            }
        }
        else if (oldMiddle > 0) edits.Add(new SequenceEdit(EditKind.Delete, prefix, prefix, oldMiddle));
        else if (newMiddle > 0) edits.Add(new SequenceEdit(EditKind.Insert, prefix, prefix, newMiddle));
        if (suffix > 0) Append(edits, new SequenceEdit(EditKind.Equal, older.Length - suffix, newer.Length - suffix, suffix));
        return DeletionsFirst(edits);
    }

    /// <summary>Between two kept stretches, what was deleted reads before what was inserted ("<del>old</del> <ins>new</ins>").</summary>
    private static List<SequenceEdit> DeletionsFirst(List<SequenceEdit> edits)
    {
        var ordered = new List<SequenceEdit>(edits.Count);
        for (var i = 0; i < edits.Count;)
        {
            if (edits[i].Kind == EditKind.Equal) { ordered.Add(edits[i++]); continue; }
            var end = i;
            while (end < edits.Count && edits[end].Kind != EditKind.Equal) end++;
            var stretch = edits.GetRange(i, end - i);
            var oldStart = stretch.Min(e => e.OldIndex);
            var newStart = stretch.Min(e => e.NewIndex);
            var deleted = stretch.Where(e => e.Kind == EditKind.Delete).Sum(e => e.Length);
            var inserted = stretch.Where(e => e.Kind == EditKind.Insert).Sum(e => e.Length);
            // A stretch with no kept item inside deletes one contiguous run of the old and inserts one of the new.
            if (deleted > 0) ordered.Add(new SequenceEdit(EditKind.Delete, oldStart, newStart, deleted));
            if (inserted > 0) ordered.Add(new SequenceEdit(EditKind.Insert, oldStart + deleted, newStart, inserted));
            i = end;
        }
        return ordered;
    }

    /// <summary>The edit script of two sequences with no common first or last item; null when it costs more than <paramref name="budget"/>.</summary>
    private static List<SequenceEdit>? Myers(ReadOnlySpan<int> a, ReadOnlySpan<int> b, long budget, DiffWork work)
    {
        int n = a.Length, m = b.Length, max = n + m;
        var v = new int[2 * max + 3];
        var offset = max + 1;
        // trace[d] holds v[-d..d] after round d: what the backtrack needs. Its size (~D²) is paid for from the budget.
        var trace = new List<int[]>();
        long spent = 0;
        for (var d = 0; d <= max; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                var start = x;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[offset + k] = x;
                spent += 2 + x - start;
                if (x >= n && y >= m)
                {
                    trace.Add(v.AsSpan(offset - d, 2 * d + 1).ToArray());
                    work.Spend(spent);
                    return Backtrack(trace, a, b, d);
                }
            }
            trace.Add(v.AsSpan(offset - d, 2 * d + 1).ToArray());
            spent += 2 * d + 1;
            if (spent > budget)
            {
                work.Spend(spent);
                return null;
            }
        }
        throw new InvalidOperationException("Unreachable: an edit script of length n + m always exists.");
    }

    private static List<SequenceEdit> Backtrack(List<int[]> trace, ReadOnlySpan<int> a, ReadOnlySpan<int> b, int distance)
    {
        var reversed = new List<SequenceEdit>();
        int x = a.Length, y = b.Length;
        for (var d = distance; d > 0; d--)
        {
            var previous = trace[d - 1];
            var k = x - y;
            int At(int diagonal) => previous[diagonal + d - 1];
            var fromK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            var fromX = At(fromK);
            var fromY = fromX - fromK;
            var snake = Math.Min(x - (fromK == k + 1 ? fromX : fromX + 1), y - (fromK == k + 1 ? fromY + 1 : fromY));
            if (snake > 0) reversed.Add(new SequenceEdit(EditKind.Equal, x - snake, y - snake, snake));
            x -= snake;
            y -= snake;
            if (fromK == k + 1) reversed.Add(new SequenceEdit(EditKind.Insert, x, y - 1, 1));
            else reversed.Add(new SequenceEdit(EditKind.Delete, x - 1, y, 1));
            x = fromX;
            y = fromY;
        }
        if (x > 0) reversed.Add(new SequenceEdit(EditKind.Equal, 0, 0, x));
        var edits = new List<SequenceEdit>(reversed.Count);
        for (var i = reversed.Count - 1; i >= 0; i--) Append(edits, reversed[i]);
        return edits;
    }

    /// <summary>Adds an edit, merging it into the last one when they are the same kind and adjacent.</summary>
    private static void Append(List<SequenceEdit> edits, SequenceEdit edit)
    {
        if (edits.Count > 0 && edits[^1] is var last && last.Kind == edit.Kind
            && last.OldIndex + (last.Kind == EditKind.Insert ? 0 : last.Length) == edit.OldIndex
            && last.NewIndex + (last.Kind == EditKind.Delete ? 0 : last.Length) == edit.NewIndex)
        {
            edits[^1] = last with { Length = last.Length + edit.Length };
            return;
        }
        edits.Add(edit);
    }
}
