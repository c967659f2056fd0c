using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Diffing;

namespace MinistryMonitor.Web.Diff;

/// <summary>A piece of text in a readable diff, marked when it is (part of) a new topic mention.</summary>
public sealed record DiffPiece(string Text, string? TopicName = null);

/// <summary>One kept, inserted or deleted run of a readable diff (one &lt;ins&gt; or &lt;del&gt;), cut at the mentions.</summary>
public sealed record DiffSpan(DiffRunKind Kind, IReadOnlyList<DiffPiece> Pieces);

/// <summary>A paragraph of a readable diff, or (when <see cref="Spans"/> is empty) unchanged paragraphs left out.</summary>
public sealed record DiffBlock(IReadOnlyList<DiffSpan> Spans, int Skipped = 0);

/// <summary>
/// Lays out Core's <see cref="TextDiff"/> of two versions for the statement page: the paragraphs in the newer text's
/// order, the new mentions (those the same diff makes new, as alerts do) marked inside kept and inserted text, and,
/// for "changes only", unchanged paragraphs folded into a count. The page renders the pieces with Razor, which
/// encodes each one.
/// </summary>
public static class ReadableDiff
{
    public static IReadOnlyList<DiffBlock> Build(VersionDiff diff, IReadOnlyList<Mention> newMentions, bool changesOnly)
    {
        var mentions = newMentions.Where(m => m.Length > 0).OrderBy(m => m.Start).ToList();
        var blocks = new List<DiffBlock>();
        var skipped = 0;
        foreach (var paragraph in diff.Paragraphs)
        {
            if (changesOnly && !paragraph.IsChanged)
            {
                skipped++;
                continue;
            }
            if (skipped > 0) blocks.Add(new DiffBlock([], skipped));
            skipped = 0;
            blocks.Add(new DiffBlock(paragraph.Runs.Select(r => new DiffSpan(r.Kind, Pieces(r, mentions).ToList())).ToList()));
        }
        if (skipped > 0) blocks.Add(new DiffBlock([], skipped));
        return blocks;
    }

    /// <summary>The run cut where mentions overlap it; a mention that spans kept and inserted words is marked in both.</summary>
    private static IEnumerable<DiffPiece> Pieces(DiffRun run, List<Mention> mentions)
    {
        if (run.NewStart < 0)
        {
            yield return new DiffPiece(run.Text);
            yield break;
        }
        var end = run.NewStart + run.Text.Length;
        var position = run.NewStart;
        var first = mentions.FindIndex(m => m.Start + m.Length > run.NewStart);
        for (var i = first < 0 ? mentions.Count : first; i < mentions.Count && mentions[i].Start < end; i++)
        {
            var from = Math.Max(mentions[i].Start, position);
            var to = Math.Min(mentions[i].Start + mentions[i].Length, end);
            if (to <= from) continue;
            if (from > position) yield return new DiffPiece(Slice(run, position, from));
            yield return new DiffPiece(Slice(run, from, to), mentions[i].TopicName);
            position = to;
        }
        if (position < end) yield return new DiffPiece(Slice(run, position, end));
    }

    private static string Slice(DiffRun run, int from, int to) => run.Text[(from - run.NewStart)..(to - run.NewStart)];
}
