using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MinistryMonitor.Core.Fetching.Feeds;

/// <summary>
/// Loads feed and sitemap XML safely. DOCTYPEs are parsed so that entities declared inside them (<c>&amp;nbsp;</c> in
/// an internal subset) work, but nothing external is ever fetched (no resolver) and entity expansion is capped, so an
/// expansion bomb ("billion laughs") is refused instead of eating memory. A feed that is not well-formed (an HTML
/// entity its DTD would have declared, a bare <c>&amp;</c>, a truncated end) is repaired once, in linear time, and
/// read as far as it goes: ministries publish such feeds, and every item before the fault is still a statement.
/// </summary>
public static class SafeXml
{
    /// <summary>Characters entity expansion may add to a document; far above real feeds, far below a bomb.</summary>
    public const long MaxCharactersFromEntities = 1_000_000;

    /// <summary>Characters of a document; a 50 MB sitemap fits, decoded.</summary>
    public const long MaxCharactersInDocument = 64L * 1024 * 1024;

    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        MaxCharactersInDocument = MaxCharactersInDocument,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The document, and the parser's complaint when it had to be repaired (feedparser's "bozo"), else null.</summary>
    /// <exception cref="FeedFormatException">Not XML even after repair, or an entity expansion bomb.</exception>
    public static (XDocument Document, string? Fault) Load(string text)
    {
        XmlException fault;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings());
            return (XDocument.Load(reader), null);
        }
        catch (XmlException ex)
        {
            if (IsLimit(ex)) throw Bomb(ex);
            fault = ex;
        }
        XElement? root;
        try
        {
            root = LoadPartially(Repair(text));
        }
        catch (XmlException ex) when (IsLimit(ex))
        {
            throw Bomb(ex);
        }
        var complaint = $"not well-formed XML at line {fault.LineNumber}, position {fault.LinePosition}: {fault.Message}";
        return root is null ? throw new FeedFormatException(complaint, fault) : (new XDocument(root), complaint);
    }

    private static FeedFormatException Bomb(XmlException ex) =>
        new($"refused: entities expand beyond {MaxCharactersFromEntities} characters (an entity expansion bomb?)", ex);

    private static bool IsLimit(XmlException ex) => ex.Message.Contains("MaxCharacters", StringComparison.Ordinal);

    /// <summary>
    /// Entity references XML does not know become the characters HTML gives them (feeds are written by HTML tools), an
    /// unknown one or a bare ampersand becomes text. Entities the document's own DTD declares are left to the parser.
    /// </summary>
    internal static string Repair(string text)
    {
        var declared = DeclaredEntities(text);
        var builder = new StringBuilder(text.Length + 64);
        var i = 0;
        while (i < text.Length)
        {
            var amp = text.IndexOf('&', i);
            if (amp < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }
            builder.Append(text, i, amp - i);
            var end = amp + 1;
            // A reference is at most a few dozen characters; looking no further keeps the repair linear.
            while (end < text.Length && end - amp < 40 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '#' or '.' or '-' or '_')) end++;
            var name = text.AsSpan(amp + 1, end - amp - 1);
            var closed = end < text.Length && text[end] == ';';
            if (closed && IsValidReference(name, declared))
            {
                // XML allows only a lower-case x in a hexadecimal reference; HTML tools also write &#X41;.
                builder.Append(text, amp, end - amp + 1);
                if (name.Length > 1 && name[1] == 'X') builder[builder.Length - (end - amp) + 1] = 'x';
            }
            else if (closed && AngleSharp.Html.HtmlEntityProvider.Resolver.GetSymbol(name.ToString() + ";") is { Length: > 0 } symbol)
            {
                foreach (var rune in symbol.EnumerateRunes()) builder.Append("&#").Append(rune.Value).Append(';');
            }
            else
            {
                builder.Append("&amp;");
                end = amp;
            }
            i = end + 1;
        }
        return builder.ToString();
    }

    private static bool IsValidReference(ReadOnlySpan<char> name, HashSet<string> declared)
    {
        if (name.Length > 1 && name[0] == '#')
        {
            var digits = name[1..];
            return digits[0] is 'x' or 'X'
                ? digits.Length > 1 && int.TryParse(digits[1..], System.Globalization.NumberStyles.HexNumber, null, out _)
                : int.TryParse(digits, out _);
        }
        return name is "amp" or "lt" or "gt" or "quot" or "apos" || declared.Contains(name.ToString());
    }

    /// <summary>Names the internal DTD subset declares (<c>&lt;!ENTITY name …&gt;</c>), found in the prolog only.</summary>
    private static HashSet<string> DeclaredEntities(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (doctype < 0) return names;
        var subsetEnd = text.IndexOf("]>", doctype, StringComparison.Ordinal);
        if (subsetEnd < 0) return names;
        var at = doctype;
        while ((at = text.IndexOf("<!ENTITY", at, subsetEnd - at, StringComparison.Ordinal)) >= 0)
        {
            at += "<!ENTITY".Length;
            while (at < subsetEnd && char.IsWhiteSpace(text[at])) at++;
            if (at < subsetEnd && text[at] == '%') continue; // parameter entities are not referenced from content
            var start = at;
            while (at < subsetEnd && !char.IsWhiteSpace(text[at])) at++;
            names.Add(text[start..at]);
        }
        return names;
    }

    /// <summary>The elements read before the first fault, closed where they were cut off; null when there is no root at all.</summary>
    private static XElement? LoadPartially(string text)
    {
        var settings = Settings();
        XElement? root = null;
        var open = new Stack<XElement>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                        if (reader.MoveToFirstAttribute())
                        {
                            do element.Add(new XAttribute(AttributeName(reader), reader.Value));
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }
                        if (open.Count > 0) open.Peek().Add(element);
                        else if (root is null) root = element;
                        else return root; // a second root: the document ended with the first
                        if (!reader.IsEmptyElement) open.Push(element);
                        break;
                    case XmlNodeType.EndElement:
                        if (open.Count > 0) open.Pop();
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (open.Count > 0) open.Peek().Add(new XText(reader.Value));
                        break;
                    case XmlNodeType.CDATA:
                        if (open.Count > 0) open.Peek().Add(new XCData(reader.Value));
                        break;
                }
            }
        }
        catch (XmlException ex) when (!IsLimit(ex))
        {
            // Read as far as it goes: what was built before the fault stands.
        }
        return root;
    }

    private static XName AttributeName(XmlReader reader) =>
        reader.Prefix == "xmlns" ? XNamespace.Xmlns + reader.LocalName
        : reader.Name == "xmlns" ? "xmlns"
        : XName.Get(reader.LocalName, reader.NamespaceURI);
}
