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
    private int _paragraphStart;
    private bool _pendingSpace;

    private BlockTextWriter(Func<IElement, bool> keep) => _keep = keep;

    /// <summary>Text of the roots in order; <paramref name="keep"/> decides which descendants to write.</summary>
    public static string Write(IEnumerable<IElement> roots, Func<IElement, bool>? keep = null)
    {
        var writer = new BlockTextWriter(keep ?? KeepVisible);
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
        return true;
    }

    public void Exit(IElement element)
    {
        if (HtmlTags.Block.Contains(element.LocalName)) Break();
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
        }
    }

    private void Break()
    {
        _pendingSpace = false;
        if (_output.Length == _paragraphStart) return;
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
