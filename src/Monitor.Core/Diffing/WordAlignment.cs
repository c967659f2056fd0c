using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Compares an old sentence with the new sentence that replaced it, word by word (and punctuation mark by mark), and
/// writes the new sentence with the deleted words where they were and the inserted words marked. Inserted words are
/// fresh; a mention that overlaps one is new.
/// </summary>
internal static class WordAlignment
{
    public static void Write(DiffWriter writer, DiffKeys keys, TextRange oldSentence, TextRange newSentence, DiffWork work)
    {
        var olds = keys.Tokens(writer.OldText, oldSentence);
        var news = keys.Tokens(writer.NewText, newSentence);
        work.Spend(olds.Count + news.Count);
        var edits = SequenceDiff.Compare(olds.Select(t => t.Key).ToArray(), news.Select(t => t.Key).ToArray(), work);

        // Text between tokens (spaces) belongs to the new sentence and is kept as it is.
        var cursor = newSentence.Start;
        for (var e = 0; e < edits.Count; e++)
        {
            var edit = edits[e];
            switch (edit.Kind)
            {
                case EditKind.Equal:
                    var last = news[edit.NewIndex + edit.Length - 1].Range.End;
                    writer.Same(cursor, last);
                    cursor = last;
                    break;
                case EditKind.Insert:
                    var first = news[edit.NewIndex].Range.Start;
                    writer.Same(cursor, first);
                    var end = news[edit.NewIndex + edit.Length - 1].Range.End;
                    writer.Inserted(first, end, fresh: false);
                    for (var i = edit.NewIndex; i < edit.NewIndex + edit.Length; i++)
                    {
                        if (news[i].IsWord) writer.Fresh(news[i].Range.Start, news[i].Range.End);
                    }
                    cursor = end;
                    break;
                case EditKind.Delete:
                    var from = olds[edit.OldIndex].Range.Start;
                    var to = olds[edit.OldIndex + edit.Length - 1].Range.End;
                    var old = writer.OldText;
                    var spacedBefore = from > oldSentence.Start && char.IsWhiteSpace(old[from - 1]);
                    var spacedAfter = to < oldSentence.End && char.IsWhiteSpace(old[to]);
                    // Deleted words stand where they were: after the space that preceded them, if they had one.
                    if (spacedBefore && edit.NewIndex < news.Count)
                    {
                        var next = news[edit.NewIndex].Range.Start;
                        var space = cursor;
                        while (space < next && char.IsWhiteSpace(writer.NewText[space])) space++;
                        writer.Same(cursor, space);
                        cursor = space;
                    }
                    var atSpace = cursor > newSentence.Start && char.IsWhiteSpace(writer.NewText[cursor - 1]);
                    var followedByInsert = e + 1 < edits.Count && edits[e + 1].Kind == EditKind.Insert;
                    var nextIsWord = cursor < newSentence.End && !char.IsWhiteSpace(writer.NewText[cursor]);
                    writer.Deleted(from, to, spaceBefore: spacedBefore && !atSpace && cursor > newSentence.Start,
                        spaceAfter: nextIsWord && (spacedAfter || followedByInsert));
                    break;
            }
        }
        writer.Same(cursor, newSentence.End);
    }
}
