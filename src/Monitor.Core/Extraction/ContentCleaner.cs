using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Decides, inside the chosen content, which containers are boilerplate after all: link lists, image galleries,
/// forms, share bars and tiny fragments (Readability's "clean conditionally" rules, plus link-heavy lists).
/// </summary>
internal sealed class ContentCleaner(ContentScanner scan)
{
    private const int ProseCommaCount = 10;

    /// <summary>Captions, bylines and share boxes are short; a long element so named is more likely a wrapper.</summary>
    private const int SmallBoxChars = 300;

    /// <summary>True to write the element; false drops its whole subtree.</summary>
    public bool Keep(IElement element)
    {
        // Elements the scan skipped (chrome, hidden, noise) have no figures.
        if (!scan.Stats.TryGetValue(element, out var stats)) return false;
        // The title is reported on its own; repeated at the top of the body it would only add noise.
        if (stats.Tag == "h1") return false;
        if ((scan.Options & ScanOptions.CleanConditionally) == 0) return true;
        if (stats.TextLength < SmallBoxChars && ClassNameHints.IsPeripheral(stats.Element)) return false;
        if (!HtmlTags.ConditionallyCleaned.Contains(stats.Tag)) return true;
        return !LooksLikeBoilerplate(stats);
    }

    private bool LooksLikeBoilerplate(NodeStats stats)
    {
        var weight = (scan.Options & ScanOptions.WeightClasses) != 0 ? ClassNameHints.Weight(stats.Element) : 0;
        var score = stats.IsCandidate ? stats.Score : 0;
        var isList = stats.Tag is "ul" or "ol" or "dl";
        var linkDensity = stats.LinkDensity;
        // A list starts at a negative score, so a few short items would fall below zero: judge lists by their
        // names and links instead (Readability loses enumerations in the body this way).
        if (isList) return weight < 0 || linkDensity > 0.5 && stats.Commas < ProseCommaCount;
        if (weight + score < 0) return true;
        if (stats.Tag == "table" && IsDataTable(stats)) return false;
        if (stats.Commas >= ProseCommaCount) return false;

        var paragraphs = stats.Paragraphs;
        var images = stats.Images;
        var length = stats.TextLength;
        return (images > 1 && (double)paragraphs / images < 0.5 && !InsideFigure(stats))
            || stats.Inputs > paragraphs / 3
            || length < ContentScanner.MinParagraphLength && (images == 0 || images > 2) && !InsideFigure(stats)
            || weight < 25 && linkDensity > 0.2
            || weight >= 25 && linkDensity > 0.5
            || stats.Embeds == 1 && length < 75
            || stats.Embeds > 1;
    }

    private static bool IsDataTable(NodeStats stats) =>
        string.Equals(stats.Element.GetAttribute("role"), "presentation", StringComparison.OrdinalIgnoreCase)
            ? false
            : stats.HeaderCells > 0 || stats.Paragraphs >= 10;

    private static bool InsideFigure(NodeStats stats)
    {
        // A figure is a close ancestor; a bounded look keeps absurdly deep pages linear.
        var level = 0;
        for (var p = stats.Parent; p is not null && level < 32; p = p.Parent, level++)
            if (p.Tag == "figure") return true;
        return false;
    }
}
