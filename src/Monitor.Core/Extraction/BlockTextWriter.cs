using System.Text;
using AngleSharp.Dom;

namespace Monitor.Core.Extraction;

/// <summary>
/// Writes the visible text of elements as paragraphs: every block element and line break ends a paragraph,
/// whitespace collapses to single spaces, and paragraphs are joined by a blank line.
/// </summary>
internal sealed class BlockTextWriter : IDomVisitor
{
    private readonly StringBuilder _output = new();
    private readonly Func<IElement, bool> _keep;
    private readonly bool _dropLinkParagraphs;
    private int _paragraphStart;
    private int _paragraphLinkChars;
    private int _linkDepth;
    private bool _pendingSpace;

    /// <summary>A paragraph this much link text is a teaser or "read more" line, not statement prose.</summary>
    private const double LinkParagraphShare = 0.8;

    private BlockTextWriter(Func<IElement, bool> keep, bool dropLinkParagraphs)
    {
        _keep = keep;
        _dropLinkParagraphs = dropLinkParagraphs;
    }

    /// <summary>Text of the roots in order; <paramref name="keep"/> decides which descendants to write.</summary>
    /// <param name="dropLinkParagraphs">Leave out paragraphs that are (almost) all link text.</param>
    public static string Write(IEnumerable<IElement> roots, Func<IElement, bool>? keep = null, bool dropLinkParagraphs = false)
    {
        var writer = new BlockTextWriter(keep ?? KeepVisible, dropLinkParagraphs);
        foreach (var root in roots)
        {
            writer.Break();
            DomWalker.Walk(root, writer);
            writer.Break();
        }
        return writer.Finish();
    }

    public static string Write(IElement root, Func<IElement, bool>? keep = null) => Write([root], keep);

    /// <summary>The default filter: whatever a reader could see.</summary>
    public static bool KeepVisible(IElement element) =>
        !ContentScanner.IsExcluded(element, element.LocalName, ScanOptions.None, insideTable: false);

    public bool Enter(IElement element)
    {
        var tag = element.LocalName;
        if (tag is "br" or "hr")
        {
            Break();
            return false;
        }
        if (!_keep(element)) return false;
        if (HtmlTags.Block.Contains(tag)) Break();
        else if (tag == "a") _linkDepth++;
        return true;
    }

    public void Exit(IElement element)
    {
        var tag = element.LocalName;
        if (HtmlTags.Block.Contains(tag)) Break();
        else if (tag == "a") _linkDepth--;
    }

    public void Text(IText text)
    {
        foreach (var c in text.Data)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = true;
                continue;
            }
            if (_pendingSpace && _output.Length > _paragraphStart) _output.Append(' ');
            _pendingSpace = false;
            // Soft hyphens and zero-width characters are invisible; they would only split words.
            if (c is '\u00AD' or '\u200B' or '\uFEFF') continue;
            _output.Append(c);
            if (_linkDepth > 0) _paragraphLinkChars++;
        }
    }

    private void Break()
    {
        _pendingSpace = false;
        var linkChars = _paragraphLinkChars;
        _paragraphLinkChars = 0;
        if (_output.Length == _paragraphStart) return;
        if (_dropLinkParagraphs && linkChars > (_output.Length - _paragraphStart) * LinkParagraphShare)
        {
            _output.Length = _paragraphStart;
            return;
        }
        _output.Append("\n\n");
        _paragraphStart = _output.Length;
    }

    private string Finish()
    {
        Break();
        var length = _output.Length;
        while (length > 0 && _output[length - 1] == '\n') length--;
        return _output.ToString(0, length);
    }
}
