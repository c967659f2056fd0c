using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Finds the main content of a page without knowing the site: scores paragraph containers, picks the best one
/// (discounted by link density), widens it to an ancestor when several good candidates share one, adds
/// related siblings, then writes it without the boilerplate left inside. When that yields too little text the
/// heuristics are relaxed one by one and the longest result wins.
/// </summary>
internal static class GenericContentExtractor
{
    /// <summary>Below this many characters a result is suspected of having lost the content to a heuristic.</summary>
    private const int EnoughText = 500;

    /// <summary>How much longer a relaxed step's text must be to replace a stricter step's.</summary>
    private const double RelaxedGain = 1.5;

    private const int TopCandidates = 5;
    private const int MinimumAgreeingCandidates = 3;

    /// <summary>Bounds ancestor searches so that absurdly deep markup stays linear.</summary>
    private const int MaxAncestorSearch = 64;

    private static readonly ScanOptions[] Ladder =
    [
        ScanOptions.All,
        ScanOptions.WeightClasses | ScanOptions.CleanConditionally,
        ScanOptions.CleanConditionally,
        ScanOptions.None,
    ];

    public static string Extract(IElement body)
    {
        var best = string.Empty;
        foreach (var options in Ladder)
        {
            var text = ExtractOnce(body, options);
            // A relaxed step must find clearly more: about as much is more likely an author box or a teaser
            // that the stricter rules had rightly left out.
            if (text.Length > best.Length * RelaxedGain) best = text;
            if (best.Length >= EnoughText) return best;
        }
        return best;
    }

    private static string ExtractOnce(IElement body, ScanOptions options)
    {
        var scan = ContentScanner.Scan(body, options);
        if (!scan.Stats.TryGetValue(body, out var bodyStats)) return string.Empty;
        var top = ChooseTopCandidate(scan, bodyStats);
        var parts = top == bodyStats ? [bodyStats] : WithSiblings(scan, top);
        var cleaner = new ContentCleaner(scan);
        var main = BlockTextWriter.Write(parts.Select(p => p.Element), cleaner.Keep, dropLinkParagraphs: true, dropEmptiedHeadings: true);
        if (top == bodyStats) return main;
        var leads = LeadFinder.Find(parts[0].Element);
        if (leads.Count == 0) return main;
        var lead = BlockTextWriter.Write(leads, dropLinkParagraphs: true);
        return lead.Length == 0 ? main : main.Length == 0 ? lead : lead + "\n\n" + main;
    }

    private static NodeStats ChooseTopCandidate(ContentScanner scan, NodeStats body)
    {
        var ranked = scan.Candidates
            .Where(c => c.Tag is not ("html" or "body"))
            .OrderByDescending(c => c.FinalScore)
            .Take(TopCandidates)
            .ToList();
        if (ranked.Count == 0) return body;
        var top = ranked[0];

        // Several near-equal candidates under one ancestor are pieces of one article split by the layout.
        var alternatives = ranked.Skip(1).Where(c => c.FinalScore >= top.FinalScore * 0.75).ToList();
        if (alternatives.Count >= MinimumAgreeingCandidates)
        {
            var level = 0;
            for (var ancestor = top.Parent;
                 ancestor is not null && ancestor != body && level < MaxAncestorSearch;
                 ancestor = ancestor.Parent, level++)
            {
                if (alternatives.Count(a => IsAncestor(ancestor, a)) >= MinimumAgreeingCandidates)
                {
                    top = ancestor;
                    break;
                }
            }
        }

        // Climb while the parent scores better: the article's wrapper often outscores its first column.
        var lastScore = top.FinalScore;
        var threshold = lastScore / 3;
        for (var parent = top.Parent; parent is not null && parent != body; parent = parent.Parent)
        {
            if (!parent.IsCandidate) continue;
            var parentScore = parent.FinalScore;
            if (parentScore < threshold) break;
            if (parentScore > lastScore)
            {
                top = parent;
                break;
            }
            lastScore = parentScore;
        }

        // A lone child says nothing its parent would not: take the parent, so siblings are looked at one level up.
        while (top.Parent is { } only && only != body && only.Element.ChildElementCount == 1) top = only;
        return top;
    }

    private static bool IsAncestor(NodeStats ancestor, NodeStats node)
    {
        var level = 0;
        for (var p = node.Parent; p is not null && level < MaxAncestorSearch * 2; p = p.Parent, level++)
            if (p == ancestor) return true;
        return false;
    }

    private static List<NodeStats> WithSiblings(ContentScanner scan, NodeStats top)
    {
        var parts = new List<NodeStats>();
        var parent = top.Element.ParentElement;
        if (parent is null) return [top];
        var threshold = Math.Max(10, top.FinalScore * 0.2);
        var topClass = top.Element.GetAttribute("class");
        foreach (var sibling in parent.Children)
        {
            if (!scan.Stats.TryGetValue(sibling, out var stats)) continue;
            if (stats == top || IsRelatedSibling(stats, top, topClass, threshold)) parts.Add(stats);
        }
        return parts;
    }

    private static bool IsRelatedSibling(NodeStats sibling, NodeStats top, string? topClass, double threshold)
    {
        var bonus = !string.IsNullOrEmpty(topClass) && sibling.Element.GetAttribute("class") == topClass
            ? top.FinalScore * 0.2
            : 0;
        if (sibling.IsCandidate && sibling.FinalScore + bonus >= threshold) return true;
        if (sibling.Tag != "p") return false;
        var length = sibling.TextLength;
        var linkDensity = sibling.LinkDensity;
        if (length > 80) return linkDensity < 0.25;
        if (length == 0 || linkDensity > 0) return false;
        var text = BlockTextWriter.Write(sibling.Element);
        return text.Contains(". ", StringComparison.Ordinal) || text.EndsWith('.');
    }
}
