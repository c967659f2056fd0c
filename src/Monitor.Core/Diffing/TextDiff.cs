using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// The one diff of two versions of a statement, used by detection (which mentions are new), alert e-mails (which
/// passages changed) and the statement page (what the reader sees marked). It aligns paragraphs, then the sentences
/// of each edited paragraph, then the words of each edited sentence, so a one-word edit marks one word.
/// <para>Comparison ignores whitespace (a re-wrapped line is not an edit) and letter case inside words (a
/// re-capitalised name is not news). Text moved, not written, is not new: a paragraph or sentence found anywhere in
/// the old version is unchanged where it now stands.</para>
/// <para>Cost: each level is a bounded Myers diff (<see cref="SequenceDiff"/>) and pairing of edited sentences is
/// capped (<see cref="SentencePairing"/>), so the work is linear in the texts' length; hostile input that would need
/// more degrades to whole sentences or paragraphs replaced, never to a slow diff. <see cref="VersionDiff.Steps"/>
/// reports the work done.</para>
/// </summary>
public static class TextDiff
{
    public static VersionDiff Compare(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var work = new DiffWork();
        var writer = new DiffWriter(oldText, newText);
        var keys = new DiffKeys();
        var olds = TextLayout.Paragraphs(oldText);
        var news = TextLayout.Paragraphs(newText);
        var oldKeys = olds.Select(p => keys.Passage(oldText, p)).ToArray();
        var newKeys = news.Select(p => keys.Passage(newText, p)).ToArray();
        work.Spend(oldText.Length + newText.Length);
        var edits = SequenceDiff.Compare(oldKeys, newKeys, work);
        if (edits.All(e => e.Kind == EditKind.Equal))
        {
            foreach (var paragraph in news)
            {
                writer.Same(paragraph.Start, paragraph.End);
                writer.EndParagraph();
            }
            return writer.Finish(work);
        }

        var movedOld = new bool[olds.Count];
        var movedNew = new bool[news.Count];
        MarkMoved(edits, oldKeys, newKeys, movedOld, movedNew);
        var sentences = new SentenceAlignment(writer, keys, SentenceKeys(keys, oldText, olds), SentenceKeys(keys, newText, news), work);

        for (var e = 0; e < edits.Count; e++)
        {
            var edit = edits[e];
            if (edit.Kind == EditKind.Equal)
            {
                for (var i = edit.NewIndex; i < edit.NewIndex + edit.Length; i++)
                {
                    writer.Same(news[i].Start, news[i].End);
                    writer.EndParagraph();
                }
                continue;
            }
            var deleted = new List<int>();
            var inserted = new List<int>();
            for (; e < edits.Count && edits[e].Kind != EditKind.Equal; e++)
            {
                for (var i = 0; i < edits[e].Length; i++)
                {
                    if (edits[e].Kind == EditKind.Delete && !movedOld[edits[e].OldIndex + i]) deleted.Add(edits[e].OldIndex + i);
                    if (edits[e].Kind == EditKind.Insert) inserted.Add(edits[e].NewIndex + i);
                }
            }
            e--;
            WriteStretch(writer, sentences, keys, olds, news, deleted, inserted, movedNew, work);
        }
        return writer.Finish(work);
    }

    /// <summary>One stretch of paragraphs between unchanged ones: removed paragraphs first, then the new ones in order.</summary>
    private static void WriteStretch(DiffWriter writer, SentenceAlignment sentences, DiffKeys keys, List<TextRange> olds, List<TextRange> news,
        List<int> deleted, List<int> inserted, bool[] movedNew, DiffWork work)
    {
        var written = inserted.Where(n => !movedNew[n]).ToList();
        var partner = ParagraphPairing.Pair(keys, writer.OldText, olds, deleted, writer.NewText, news, written, work);
        var paired = partner.Where(p => p >= 0).ToHashSet();
        foreach (var o in deleted)
        {
            if (paired.Contains(o)) continue;
            writer.Change("removed", olds[o], null, "paragraph");
            sentences.Write(olds[o], null);
            writer.EndParagraph();
        }
        var w = 0;
        foreach (var n in inserted)
        {
            if (movedNew[n])
            {
                writer.Same(news[n].Start, news[n].End);
            }
            else if (partner[w++] is var o and >= 0)
            {
                writer.Change("changed", olds[o], news[n], "paragraph");
                sentences.Write(olds[o], news[n]);
            }
            else
            {
                writer.Change("added", null, news[n], "paragraph");
                sentences.Write(null, news[n]);
            }
            writer.EndParagraph();
        }
    }

    /// <summary>A paragraph deleted in one place and inserted in another was moved: unchanged in both.</summary>
    private static void MarkMoved(List<SequenceEdit> edits, int[] oldKeys, int[] newKeys, bool[] movedOld, bool[] movedNew)
    {
        var deletedByKey = new Dictionary<int, Queue<int>>();
        foreach (var edit in edits.Where(e => e.Kind == EditKind.Delete))
        {
            for (var i = edit.OldIndex; i < edit.OldIndex + edit.Length; i++)
            {
                if (!deletedByKey.TryGetValue(oldKeys[i], out var queue)) deletedByKey[oldKeys[i]] = queue = new Queue<int>();
                queue.Enqueue(i);
            }
        }
        foreach (var edit in edits.Where(e => e.Kind == EditKind.Insert))
        {
            for (var i = edit.NewIndex; i < edit.NewIndex + edit.Length; i++)
            {
                if (!deletedByKey.TryGetValue(newKeys[i], out var queue) || !queue.TryDequeue(out var o)) continue;
                movedOld[o] = true;
                movedNew[i] = true;
            }
        }
    }

    private static HashSet<int> SentenceKeys(DiffKeys keys, string text, List<TextRange> paragraphs) =>
        paragraphs.SelectMany(p => TextLayout.Sentences(text, p)).Select(s => keys.Passage(text, s)).ToHashSet();
}
