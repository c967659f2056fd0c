using System.Globalization;

namespace Monitor.Core.Detection;

/// <summary>
/// Case-insensitive phrase matching, and paragraph-level novelty: a mention is new when its paragraph
/// did not appear in the previous version.
/// </summary>
public sealed class MentionDetector(IReadOnlyList<Topic> topics) : IMentionDetector
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    public IReadOnlyList<Topic> Topics { get; } = topics;

    public IReadOnlyList<Mention> Match(string text)
    {
        var mentions = new List<Mention>();
        foreach (var topic in Topics)
        {
            foreach (var term in topic.Terms)
            {
                var from = 0;
                while (from < text.Length)
                {
                    var at = Compare.IndexOf(text.AsSpan(from), term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace, out var length);
                    if (at < 0) break;
                    at += from;
                    if (IsWordBoundary(text, at - 1) && IsWordBoundary(text, at + length))
                        mentions.Add(new Mention(topic.Id, topic.Name, term, text.Substring(at, length), at, length, Sentence(text, at, length), ParagraphIndex(text, at)));
                    from = at + Math.Max(length, 1);
                }
            }
        }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    public DetectionResult Detect(string? previousText, string currentText)
    {
        var all = Match(currentText);
        if (previousText is null) return new DetectionResult(all, StatementDiff.FirstVersion);

        var old = new HashSet<string>(Paragraphs(previousText).Select(p => p.Text), StringComparer.Ordinal);
        var changes = new List<TextChange>();
        var fresh = new List<(int Start, int Length)>();
        foreach (var (paragraph, start) in Paragraphs(currentText))
        {
            if (old.Remove(paragraph)) continue;
            fresh.Add((start, paragraph.Length));
            changes.Add(new TextChange("added", null, paragraph, start, paragraph.Length));
        }
        changes.AddRange(old.Select(p => new TextChange("removed", p, null, null, null)));
        var newMentions = all.Where(m => fresh.Any(f => m.Start >= f.Start && m.Start < f.Start + f.Length)).ToList();
        return new DetectionResult(newMentions, new StatementDiff(false, changes));
    }

    private static IEnumerable<(string Text, int Start)> Paragraphs(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > start) yield return (text[start..end], start);
            start = end + 2;
        }
    }

    private static int ParagraphIndex(string text, int offset)
    {
        var count = 0;
        var at = text.IndexOf("\n\n", StringComparison.Ordinal);
        while (at >= 0 && at < offset)
        {
            count++;
            at = text.IndexOf("\n\n", at + 2, StringComparison.Ordinal);
        }
        return count;
    }

    private static string Sentence(string text, int at, int length)
    {
        var start = at;
        while (start > 0 && !IsSentenceEnd(text[start - 1])) start--;
        var end = at + length;
        while (end < text.Length && !IsSentenceEnd(text[end])) end++;
        if (end < text.Length && text[end] != '\n') end++;
        return text[start..end].Trim();
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '\n';

    private static bool IsWordBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
