using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Compares an old paragraph with the new paragraph it became (either may be missing: a paragraph added or removed)
/// sentence by sentence, and each edited sentence word by word. A sentence found anywhere in the old text is not new
/// where it now stands (moved, not written), and one found anywhere in the new text was not deleted.
/// </summary>
internal sealed class SentenceAlignment(DiffWriter writer, DiffKeys keys, HashSet<int> oldSentences, HashSet<int> newSentences, DiffWork work)
{
    public void Write(TextRange? oldParagraph, TextRange? newParagraph)
    {
        var olds = oldParagraph is { } op ? TextLayout.Sentences(writer.OldText, op) : [];
        var news = newParagraph is { } np ? TextLayout.Sentences(writer.NewText, np) : [];
        var oldKeys = olds.Select(s => keys.Passage(writer.OldText, s)).ToArray();
        var newKeys = news.Select(s => keys.Passage(writer.NewText, s)).ToArray();
        var level = oldParagraph is not null && newParagraph is not null ? "sentence" : null;
        var cursor = newParagraph?.Start ?? 0;

        var edits = SequenceDiff.Compare(oldKeys, newKeys, work);
        for (var e = 0; e < edits.Count; e++)
        {
            if (edits[e].Kind == EditKind.Equal)
            {
                var edit = edits[e];
                var end = news[edit.NewIndex + edit.Length - 1].End;
                writer.Same(cursor, end);
                cursor = end;
                continue;
            }
            var deleted = new List<TextRange>();
            var inserted = new List<int>();
            for (; e < edits.Count && edits[e].Kind != EditKind.Equal; e++)
            {
                var edit = edits[e];
                for (var i = 0; i < edit.Length; i++)
                {
                    if (edit.Kind == EditKind.Delete && !newSentences.Contains(oldKeys[edit.OldIndex + i])) deleted.Add(olds[edit.OldIndex + i]);
                    if (edit.Kind == EditKind.Insert) inserted.Add(edit.NewIndex + i);
                }
            }
            e--;
            cursor = WriteStretch(deleted, inserted, news, newKeys, cursor, newParagraph, level);
        }
        if (newParagraph is { } paragraph) writer.Same(cursor, paragraph.End);
    }

    /// <summary>One stretch of sentences between unchanged ones: removed sentences first, then the new ones in order.</summary>
    private int WriteStretch(List<TextRange> deleted, List<int> inserted, List<TextRange> news, int[] newKeys, int cursor, TextRange? paragraph, string? level)
    {
        if (deleted.Count > 0 && paragraph is { } p)
        {
            // Removed sentences stand after the space that follows the sentence before them.
            var space = cursor;
            while (space < p.End && char.IsWhiteSpace(writer.NewText[space])) space++;
            writer.Same(cursor, space);
            cursor = space;
        }
        var spaceBefore = paragraph is { } q && cursor > q.Start && !char.IsWhiteSpace(writer.NewText[cursor - 1]);
        var written = inserted.Where(n => !oldSentences.Contains(newKeys[n])).Select(n => news[n]).ToList();
        var partner = SentencePairing.Pair(keys, writer.OldText, deleted, writer.NewText, written, work);
        var paired = partner.Where(p => p >= 0).ToHashSet();
        for (var o = 0; o < deleted.Count; o++)
        {
            if (paired.Contains(o)) continue;
            writer.Deleted(deleted[o].Start, deleted[o].End, spaceBefore);
            spaceBefore = false;
            if (level is not null) writer.Change("removed", deleted[o], null, level);
        }

        var w = 0;
        foreach (var n in inserted)
        {
            var sentence = news[n];
            writer.Same(cursor, sentence.Start);
            cursor = sentence.End;
            if (oldSentences.Contains(newKeys[n]))
            {
                writer.Same(sentence.Start, sentence.End); // moved here from elsewhere in the old text
                continue;
            }
            if (partner[w++] is var o and >= 0)
            {
                WordAlignment.Write(writer, keys, deleted[o], sentence, work);
                if (level is not null) writer.Change("changed", deleted[o], sentence, level);
            }
            else
            {
                writer.Inserted(sentence.Start, sentence.End, fresh: true);
                if (level is not null) writer.Change("added", null, sentence, level);
            }
        }
        return cursor;
    }
}
