using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Finds the lead (standfirst, teaser, summary) that layouts put just before the article body, in the article's
/// header or a box of its own, where the paragraph scoring does not reach it. Only boxes named like a lead, or a
/// sentence-long paragraph of the article's header, count; bylines, dates and breadcrumbs are short and unnamed.
/// </summary>
internal static class LeadFinder
{
    /// <summary>Levels above the body's first part searched for earlier siblings.</summary>
    private const int MaxLevels = 5;

    /// <summary>Earlier siblings looked at per level, and elements looked at inside each.</summary>
    private const int MaxSiblings = 8;
    private const int MaxElementsPerSibling = 200;

    private const int MinLeadChars = 40;

    /// <summary>A paragraph of the header without a lead-like name must be at least a full sentence.</summary>
    private const int MinUnnamedHeaderParagraphChars = 70;

    public static List<IElement> Find(IElement bodyStart)
    {
        var found = new List<IElement>();
        var node = bodyStart;
        for (var level = 0; level < MaxLevels; level++)
        {
            var parent = node.ParentElement;
            if (parent is null || parent.LocalName is "body" or "html") break;
            var siblings = 0;
            var levelFound = new List<IElement>();
            for (var sibling = node.PreviousElementSibling; sibling is not null && siblings < MaxSiblings;
                 sibling = sibling.PreviousElementSibling, siblings++)
            {
                var inSibling = new List<IElement>();
                Collect(sibling, inSibling);
                levelFound.InsertRange(0, inSibling);
            }
            found.InsertRange(0, levelFound);
            if (found.Count > 0 || node.LocalName is "article" or "main") break;
            node = parent;
        }
        return found;
    }

    private static void Collect(IElement root, List<IElement> found)
    {
        var visitor = new Collector(found);
        DomWalker.Walk(root, visitor);
    }

    private static bool IsLead(IElement element, bool insideHeader)
    {
        var tag = element.LocalName;
        if (tag is "a" or "h1") return false;
        var named = ClassNameHints.IsLeadNamed(element);
        if (!named && !(insideHeader && tag == "p")) return false;
        var text = BlockTextWriter.Write([element], dropLinkParagraphs: true);
        return text.Length >= (named ? MinLeadChars : MinUnnamedHeaderParagraphChars);
    }

    private sealed class Collector(List<IElement> found) : IDomVisitor
    {
        private int _seen;
        private int _headerDepth;

        public bool Enter(IElement element)
        {
            if (++_seen > MaxElementsPerSibling) return false;
            if (!BlockTextWriter.KeepVisible(element) || element.LocalName is "figure" or "aside" or "nav" or "form"
                || ClassNameHints.IsPeripheral(element) || ClassNameHints.IsMetadata(element)
                || ClassNameHints.IsUnlikelyContent(element) && !ClassNameHints.IsLeadNamed(element))
                return false;
            if (IsLead(element, _headerDepth > 0))
            {
                found.Add(element);
                return false;
            }
            if (element.LocalName == "header") _headerDepth++;
            return true;
        }

        public void Exit(IElement element)
        {
            if (element.LocalName == "header") _headerDepth--;
        }

        public void Text(IText text) { }
    }
}
