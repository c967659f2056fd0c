using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace MinistryMonitor.Web.Diff;

/// <summary>A run of text in a readable diff: kept, inserted or deleted.</summary>
public sealed record DiffRun(DiffRunKind Kind, string Text);

public enum DiffRunKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>
/// A readable diff of two versions of a statement, sentence by sentence (DiffPlex over sentences), laid out in the
/// paragraphs of the texts: a rewritten sentence shows as the old one deleted and the new one inserted.
/// </summary>
public static partial class SentenceDiff
{
    private const string ParagraphBreak = "\n\n";

    /// <summary>Paragraphs, each a list of runs, in reading order of the newer text (deleted runs where they were).</summary>
    public static IReadOnlyList<IReadOnlyList<DiffRun>> Compare(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, new SentenceChunker());
        var runs = new List<DiffRun>();
        var oldIndex = 0;
        var newIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (newIndex < block.InsertStartB) runs.Add(new DiffRun(DiffRunKind.Same, result.PiecesNew[newIndex++]));
            oldIndex = block.DeleteStartA;
            for (var i = 0; i < block.DeleteCountA; i++) runs.Add(new DiffRun(DiffRunKind.Deleted, result.PiecesOld[oldIndex++]));
            for (var i = 0; i < block.InsertCountB; i++) runs.Add(new DiffRun(DiffRunKind.Inserted, result.PiecesNew[newIndex++]));
        }
        while (newIndex < result.PiecesNew.Count) runs.Add(new DiffRun(DiffRunKind.Same, result.PiecesNew[newIndex++]));
        return ToParagraphs(runs);
    }

    private static List<IReadOnlyList<DiffRun>> ToParagraphs(List<DiffRun> runs)
    {
        var paragraphs = new List<IReadOnlyList<DiffRun>>();
        var current = new List<DiffRun>();
        foreach (var run in runs)
        {
            if (run.Text == ParagraphBreak)
            {
                // A paragraph break only an edit added or removed does not split the reader's view.
                if (run.Kind == DiffRunKind.Same && current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }
                continue;
            }
            current.Add(run);
        }
        if (current.Count > 0) paragraphs.Add(current);
        return paragraphs;
    }

    /// <summary>Sentences, each with its trailing space, and a "\n\n" piece between paragraphs.</summary>
    private sealed class SentenceChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var pieces = new List<string>();
            var paragraphs = ParagraphSplit().Split(text.Replace("\r\n", "\n").Trim());
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0) pieces.Add(ParagraphBreak);
                pieces.AddRange(SentenceEnd().Split(paragraphs[p].Trim()).Where(s => s.Length > 0).Select(s => s.Trim() + " "));
            }
            return pieces;
        }
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphSplit();

    // After . ! ? … (and a closing quote or bracket), before the next sentence's first character.
    [GeneratedRegex(@"(?<=[.!?…]['""»”’)\]]?)\s+(?=\S)")]
    private static partial Regex SentenceEnd();
}
