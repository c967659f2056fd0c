using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// One walk over the page that skips chrome, measures every element (text, link text, commas, images, ...)
/// and scores the containers of paragraphs the way Readability does: each run of inline text of at least
/// <see cref="MinParagraphLength"/> characters adds 1 + commas + length/100 (at most 3) to its container, half
/// of that to the next ancestor and a third per level above, up to five levels.
/// </summary>
internal sealed class ContentScanner : IDomVisitor
{
    public const int MinParagraphLength = 25;
    private const int ScoredAncestorLevels = 5;

    private readonly ScanOptions _options;
    private readonly Dictionary<IElement, NodeStats> _stats = new(ReferenceEqualityComparer.Instance);
    private readonly List<NodeStats> _candidates = [];
    private readonly List<NodeStats> _open = [];
    private int _linkDepth;
    private int _tableDepth;

    private ContentScanner(ScanOptions options) => _options = options;

    public IReadOnlyDictionary<IElement, NodeStats> Stats => _stats;

    public IReadOnlyList<NodeStats> Candidates => _candidates;

    public ScanOptions Options => _options;

    public static ContentScanner Scan(IElement root, ScanOptions options)
    {
        var scanner = new ContentScanner(options);
        DomWalker.Walk(root, scanner);
        return scanner;
    }

    public bool Enter(IElement element)
    {
        var tag = element.LocalName;
        var parent = _open.Count == 0 ? null : _open[^1];
        if (tag is "br" or "hr")
        {
            if (parent is not null) FlushRun(parent.Block);
            return false;
        }
        if (parent is not null)
        {
            // Counted before exclusion drops them: forms and players inside a block mark it as a widget.
            if (tag is "input" or "select" or "textarea") parent.Inputs++;
            else if (tag is "iframe" or "embed" or "object" or "video") parent.Embeds++;
        }
        if (IsExcluded(element, tag, _options, _tableDepth > 0)) return false;

        var isBlock = HtmlTags.Block.Contains(tag);
        if (isBlock && parent is not null) FlushRun(parent.Block);
        var stats = new NodeStats(element, parent, isBlock);
        switch (tag)
        {
            case "a": _linkDepth++; break;
            case "table": _tableDepth++; break;
            case "img" or "picture": stats.Images = 1; break;
            case "li": stats.ListItems = 1; break;
            case "th" or "caption" or "thead": stats.HeaderCells = 1; break;
        }
        _stats.Add(element, stats);
        _open.Add(stats);
        return true;
    }

    public void Exit(IElement element)
    {
        var stats = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (stats.IsBlock) FlushRun(stats);
        if (stats.Tag == "a") _linkDepth--;
        else if (stats.Tag == "table") _tableDepth--;

        if (stats.Parent is not { } parent) return;
        parent.TextLength += stats.TextLength;
        parent.LinkLength += stats.LinkLength;
        parent.Commas += stats.Commas;
        parent.Paragraphs += stats.Paragraphs;
        parent.Images += stats.Images;
        parent.ListItems += stats.ListItems;
        parent.Inputs += stats.Inputs;
        parent.Embeds += stats.Embeds;
        parent.HeaderCells += stats.HeaderCells;
    }

    public void Text(IText text)
    {
        if (_open.Count == 0) return;
        var (length, commas) = TextMeasure.Measure(text.Data);
        if (length == 0) return;
        var owner = _open[^1];
        owner.TextLength += length;
        owner.Commas += commas;
        if (_linkDepth > 0) owner.LinkLength += length;
        var block = owner.Block;
        block.RunLength += length;
        block.RunCommas += commas;
    }

    /// <summary>Elements that never hold statement text, or (with StripUnlikely) are named like page chrome.</summary>
    internal static bool IsExcluded(IElement element, string tag, ScanOptions options, bool insideTable)
    {
        if (HtmlTags.Noise.Contains(tag)) return true;
        if (ClassNameHints.IsHidden(element)) return true;
        if (ClassNameHints.IsCommentSection(element)) return true;
        if (tag is "nav" or "figcaption") return true;
        if ((options & ScanOptions.StripUnlikely) == 0) return false;
        if (tag is "aside" or "menu" or "footer" or "header") return true;
        if (tag is "body" or "html" or "a" or "article" or "main" || insideTable) return false;
        return ClassNameHints.IsUnlikelyContent(element);
    }

    private void FlushRun(NodeStats block)
    {
        var length = block.RunLength;
        var commas = block.RunCommas;
        block.RunLength = 0;
        block.RunCommas = 0;
        if (length < MinParagraphLength) return;
        block.Paragraphs++;

        var score = 1.0 + commas + Math.Min(length / 100, 3);
        // A <p> is the paragraph and its container earns the score; text loose in a <div> makes the div the container.
        var target = HtmlTags.Paragraph.Contains(block.Tag) ? block.Parent : block;
        for (var level = 0; target is not null && level < ScoredAncestorLevels; level++, target = target.Parent)
        {
            if (target.Tag == "html") break;
            if (!target.IsCandidate) Initialize(target);
            var divider = level switch { 0 => 1, 1 => 2, _ => level * 3 };
            target.Score += score / divider;
        }
    }

    private void Initialize(NodeStats stats)
    {
        stats.IsCandidate = true;
        stats.Score = stats.Tag switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if ((_options & ScanOptions.WeightClasses) != 0) stats.Score += ClassNameHints.Weight(stats.Element);
        if (string.Equals(stats.Element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
            stats.Score += 25;
        _candidates.Add(stats);
    }
}
