using MinistryMonitor.Core.Diffing;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Delivery;

/// <summary>A passage of an edited statement as it was and as it is now.</summary>
public sealed record EditedPassage(string? Removed, string? Inserted);

/// <summary>
/// Picks, from the diff stored with a version (<c>vNNN.diff.json</c>), the removed and inserted sentences that hold
/// the alert's mentions, so the e-mail shows what the edit changed rather than only a snippet.
/// </summary>
public static class EditExcerpt
{
    private const int MaxPassages = 4;
    private const int MaxLength = 700;

    public static IReadOnlyList<EditedPassage> For(StatementDiff diff, IReadOnlyList<AlertMention> mentions)
    {
        if (diff.IsFirstVersion) return [];
        // Sentence-level entries follow each changed paragraph; prefer them, and whole paragraphs otherwise.
        var sentenceParents = new HashSet<int>();
        var candidates = new List<TextChange>();
        for (var i = 0; i < diff.Changes.Count; i++)
        {
            var change = diff.Changes[i];
            if (change.Level == "sentence") candidates.Add(change);
            else if (i + 1 >= diff.Changes.Count || diff.Changes[i + 1].Level != "sentence") candidates.Add(change);
        }
        var withMention = candidates.Where(c => c.NewText is not null && mentions.Any(m => c.NewText.Contains(m.MatchedText, StringComparison.Ordinal))).ToList();
        return (withMention.Count > 0 ? withMention : candidates)
            .Where(c => c.OldText is not null || c.NewText is not null)
            .Take(MaxPassages)
            .Select(c => new EditedPassage(Cut(c.OldText), Cut(c.NewText)))
            .ToList();
    }

    private static string? Cut(string? text) =>
        text is null ? null : text.Length <= MaxLength ? text.Trim() : string.Concat(text.AsSpan(0, MaxLength - 1).Trim(), "…");
}
