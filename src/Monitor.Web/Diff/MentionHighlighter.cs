using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Web.Diff;

/// <summary>A run of a statement's text, marked when it is a topic mention.</summary>
public sealed record TextRun(string Text, string? TopicName = null);

/// <summary>
/// Cuts a statement's text into paragraphs of runs, the mentions marked. The page renders the runs with Razor, which
/// encodes each one, so the ministry's text never reaches the browser as markup.
/// </summary>
public static class MentionHighlighter
{
    public static IReadOnlyList<IReadOnlyList<TextRun>> Paragraphs(string text, IReadOnlyList<Mention> mentions)
    {
        var paragraphs = new List<IReadOnlyList<TextRun>>();
        var ordered = mentions.Where(m => m.Length > 0 && m.Start >= 0 && m.Start + m.Length <= text.Length)
            .OrderBy(m => m.Start).ToList();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            var runs = Runs(text, start, end, ordered);
            if (runs.Count > 0) paragraphs.Add(runs);
            start = end + 2;
        }
        return paragraphs;
    }

    private static List<TextRun> Runs(string text, int from, int to, List<Mention> mentions)
    {
        var runs = new List<TextRun>();
        var position = from;
        foreach (var mention in mentions)
        {
            if (mention.Start < position || mention.Start + mention.Length > to) continue;
            if (mention.Start > position) runs.Add(new TextRun(text[position..mention.Start]));
            runs.Add(new TextRun(text.Substring(mention.Start, mention.Length), mention.TopicName));
            position = mention.Start + mention.Length;
        }
        if (position < to) runs.Add(new TextRun(text[position..to]));
        return runs.Where(r => r.TopicName is not null || !string.IsNullOrWhiteSpace(r.Text)).ToList();
    }
}
