using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>Text and structure figures of one element's subtree, gathered in a single walk.</summary>
internal sealed class NodeStats
{
    public NodeStats(IElement element, NodeStats? parent, bool isBlock)
    {
        Element = element;
        Parent = parent;
        Tag = element.LocalName;
        IsBlock = isBlock;
        // Stored rather than computed: a lookup up the parent chain would be recursive on deeply nested inline markup.
        Block = isBlock || parent is null ? this : parent.Block;
    }

    public IElement Element { get; }
    public NodeStats? Parent { get; }
    public string Tag { get; }
    public bool IsBlock { get; }

    /// <summary>The nearest block element at or above this one: where its inline text belongs.</summary>
    public NodeStats Block { get; }

    /// <summary>Whitespace-collapsed characters of visible text in the subtree.</summary>
    public int TextLength;

    /// <summary>Of <see cref="TextLength"/>, the characters inside links.</summary>
    public int LinkLength;

    public int Commas;

    /// <summary>Runs of at least <see cref="ContentScanner.MinParagraphLength"/> characters of inline text.</summary>
    public int Paragraphs;

    public int Images;
    public int ListItems;
    public int Inputs;
    public int Embeds;
    public int HeaderCells;

    /// <summary>Inline text gathered since the last block boundary inside this block.</summary>
    public int RunLength;
    public int RunCommas;

    /// <summary>Readability-style content score; set once the element has a scored paragraph below it.</summary>
    public double Score;
    public bool IsCandidate;

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;

    /// <summary>Score discounted by the share of link text: menus and link lists have plenty of text too.</summary>
    public double FinalScore => Score * (1 - LinkDensity);
}
