using System.Text;
using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Writes the visible text of elements as paragraphs: every block element and line break ends a paragraph,
/// whitespace collapses to single spaces, and paragraphs are joined by a blank line.
/// </summary>
internal sealed class BlockTextWriter : IDomVisitor
{
    private readonly StringBuilder _output = new();
    private readonly Func<IElement, bool> _keep;
    private readonly bool _dropLinkParagraphs;
    private readonly bool _dropEmptiedHeadings;
    private int _paragraphStart;
    private int _paragraphLinkChars;
    private int _paragraphTextBeforeLink = -1;
    private int _paragraphHeadingChars;
    private int _linkDepth;
    private int _headingDepth;
    private int _headingLevel;
    private int _lastHeadingLevel;
    private bool _pendingSpace;

    /// <summary>Where the last written paragraph starts and whether it is a heading, to drop headings left empty.</summary>
    private int _lastParagraphStart = -1;
    private bool _lastParagraphIsHeading;
    private bool _lastParagraphIsLeadIn;

    /// <summary>A paragraph this much link text is a teaser or "read more" line, not statement prose.</summary>
    private const double LinkParagraphShare = 0.8;

    private BlockTextWriter(Func<IElement, bool> keep, bool dropLinkParagraphs, bool dropEmptiedHeadings)
    {
        _keep = keep;
        _dropLinkParagraphs = dropLinkParagraphs;
        _dropEmptiedHeadings = dropEmptiedHeadings;
    }

    /// <summary>Text of the roots in order; <paramref name="keep"/> decides which descendants to write.</summary>
    /// <param name="dropLinkParagraphs">Leave out paragraphs that are (almost) all link text, credit lines and teasers.</param>
    /// <param name="dropEmptiedHeadings">Leave out headings whose section is empty (another heading follows, or the end).</param>
    public static string Write(IEnumerable<IElement> roots, Func<IElement, bool>? keep = null, bool dropLinkParagraphs = false,
        bool dropEmptiedHeadings = false)
    {
        var writer = new BlockTextWriter(keep ?? KeepVisible, dropLinkParagraphs, dropEmptiedHeadings);
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
        if (HtmlTags.Headings.Contains(tag))
        {
            _headingDepth++;
            _headingLevel = tag[1] - '0';
        }
        return true;
    }

    public void Exit(IElement element)
    {
        var tag = element.LocalName;
        if (HtmlTags.Block.Contains(tag)) Break();
        else if (tag == "a") _linkDepth--;
        if (HtmlTags.Headings.Contains(tag)) _headingDepth--;
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
            if (_pendingSpace && _output.Length > _paragraphStart)
            {
                _output.Append(' ');
                if (_headingDepth > 0) _paragraphHeadingChars++;
            }
            _pendingSpace = false;
            // Zero-width characters are invisible and would only split words. Soft hyphens are kept as the page
            // wrote them (the archive holds the statement as written; detection's TextNormalizer ignores them).
            if (c is '\u200B' or '\uFEFF') continue;
            _output.Append(c);
            if (_linkDepth > 0)
            {
                if (_paragraphTextBeforeLink < 0) _paragraphTextBeforeLink = _output.Length - 1 - _paragraphStart;
                _paragraphLinkChars++;
            }
            if (_headingDepth > 0) _paragraphHeadingChars++;
        }
    }

    private void Break()
    {
        _pendingSpace = false;
        var linkChars = _paragraphLinkChars;
        var textBeforeLink = _paragraphTextBeforeLink;
        var headingChars = _paragraphHeadingChars;
        _paragraphLinkChars = 0;
        _paragraphTextBeforeLink = -1;
        _paragraphHeadingChars = 0;
        var length = _output.Length - _paragraphStart;
        if (length == 0) return;
        if (_dropLinkParagraphs && IsBoilerplate(length, linkChars, textBeforeLink))
        {
            _output.Length = _paragraphStart;
            return;
        }
        // A sentence set in a heading tag (a lead styled big) is prose, not a section title.
        var isHeading = headingChars == length && BoilerplateLines.IsTitleLike(_output, _paragraphStart, length);
        // A heading straight after another one of the same or a higher rank: the first introduced a section the cleaning emptied (a list of
        // related links, a share bar), so it would only be noise.
        if (_dropEmptiedHeadings && isHeading && _lastParagraphIsHeading && _headingLevel <= _lastHeadingLevel) RemoveLastParagraph();
        _lastHeadingLevel = _headingLevel;
        _lastParagraphStart = _paragraphStart;
        _lastParagraphIsHeading = isHeading;
        _lastParagraphIsLeadIn = isHeading || BoilerplateLines.IsLeadIn(_output, _paragraphStart, length);
        _output.Append("\n\n");
        _paragraphStart = _output.Length;
    }

    private bool IsBoilerplate(int length, int linkChars, int textBeforeLink)
    {
        if (linkChars > length * LinkParagraphShare) return true;
        // "Read more: <link>" and its kin in every language: a short label, then mostly a link.
        if (linkChars > 0 && textBeforeLink >= 0 && textBeforeLink <= BoilerplateLines.MaxLabelChars
            && linkChars > (length - textBeforeLink) * LinkParagraphShare
            && BoilerplateLines.EndsLikeLabel(_output, _paragraphStart, textBeforeLink)
            && BoilerplateLines.IsHeadline(_output, _paragraphStart + textBeforeLink, length - textBeforeLink))
            return true;
        return BoilerplateLines.IsCreditLine(_output, _paragraphStart, length)
            || BoilerplateLines.IsCaptionWithCredit(_output, _paragraphStart, length);
    }

    private void RemoveLastParagraph()
    {
        _output.Remove(_lastParagraphStart, _paragraphStart - _lastParagraphStart);
        _paragraphStart = _lastParagraphStart;
        _lastParagraphStart = -1;
    }

    private string Finish()
    {
        Break();
        // A heading (or "More on this:") at the very end introduces something the cleaning left out.
        if (_dropEmptiedHeadings && _lastParagraphIsLeadIn && _lastParagraphStart >= 0) _output.Length = _lastParagraphStart;
        var length = _output.Length;
        while (length > 0 && _output[length - 1] == '\n') length--;
        return _output.ToString(0, length);
    }
}
