using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Web.Diff;

/// <summary>A piece of a search snippet, marked when it is a matched word.</summary>
public sealed record SnippetRun(string Text, bool Marked);

/// <summary>Cuts a search snippet at its highlight ranges, so the page encodes each piece and marks the matches.</summary>
public static class SnippetRuns
{
    public static IReadOnlyList<SnippetRun> Of(Snippet snippet)
    {
        var runs = new List<SnippetRun>();
        var text = snippet.Text;
        var position = 0;
        foreach (var range in snippet.Highlights.OrderBy(r => r.Start))
        {
            if (range.Start < position || range.Length <= 0 || range.Start + range.Length > text.Length) continue;
            if (range.Start > position) runs.Add(new SnippetRun(text[position..range.Start], false));
            runs.Add(new SnippetRun(text.Substring(range.Start, range.Length), true));
            position = range.Start + range.Length;
        }
        if (position < text.Length) runs.Add(new SnippetRun(text[position..], false));
        return runs;
    }
}
