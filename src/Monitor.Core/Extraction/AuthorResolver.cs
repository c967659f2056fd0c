using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// The author or speaker: declared metadata, a byline element, or a speaker line opening the statement
/// ("Antony J. Blinken, Secretary of State").
/// </summary>
internal static partial class AuthorResolver
{
    private const int MaxBylineChars = 120;

    // Two to five capitalised words (initials allowed), a comma, then a capitalised office.
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'’\-]*\.?\s+){1,4}\p{Lu}[\p{L}'’\-]+,\s+\p{Lu}[^.!?:]{2,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerLine();

    [GeneratedRegex(@"^(?:by|von|par|автор|от)\s*:?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    public static string? Resolve(PageMetadata metadata, string bodyText)
    {
        var declared = metadata.MetaValue("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
            ?? metadata.JsonLd.Author;
        if (declared is not null && !declared.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return declared;

        foreach (var element in metadata.AuthorElements)
        {
            var text = BlockTextWriter.Write(element).Replace("\n\n", " ", StringComparison.Ordinal).Trim();
            // One word is a label ("Author", "Speaker") rather than a name.
            if (text.Length is > 2 and <= MaxBylineChars && text.Contains(' ')) return ByPrefix().Replace(text, string.Empty);
        }
        return SpeakerOf(bodyText);
    }

    /// <summary>A statement that opens with a "Name, Office" line names its speaker there.</summary>
    public static string? SpeakerOf(string bodyText)
    {
        var end = bodyText.IndexOf("\n\n", StringComparison.Ordinal);
        var first = (end < 0 ? bodyText : bodyText[..end]).Trim();
        return first.Length <= MaxBylineChars && SpeakerLine().IsMatch(first) ? first : null;
    }
}
