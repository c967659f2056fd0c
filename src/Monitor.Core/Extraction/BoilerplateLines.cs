using System.Text;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Tests on one written paragraph of the body that mark it as page furniture rather than statement text:
/// photo credits, "Read more:"-style labels before a link, and lead-ins ending in a colon.
/// </summary>
internal static class BoilerplateLines
{
    /// <summary>Longest text before a link that still reads as a label ("Read more:", "Lea también:").</summary>
    public const int MaxLabelChars = 40;

    /// <summary>Longest paragraph read as a credit line or a lead-in; anything longer is prose.</summary>
    private const int MaxShortLineChars = 100;

    /// <summary>Longest paragraph read as a picture caption ending in a credit.</summary>
    private const int MaxCaptionChars = 300;

    /// <summary>Longest "© Agency/Photographer" credit at the end of a caption.</summary>
    private const int MaxCreditChars = 60;

    private static readonly string[] CreditPrefixes =
    [
        "photo:", "photos:", "photo :", "foto:", "fotos:", "foto :", "credit:", "credits:", "crédit:", "crédits:",
        "crédit photo", "crédits photo", "bild:", "image:", "abbildung:", "quelle:", "source:", "fuente:", "fonte:",
        "picture:", "© ",
    ];

    /// <summary>A label ends in a colon, a dash or a guillemet before the link.</summary>
    public static bool EndsLikeLabel(StringBuilder output, int start, int labelLength)
    {
        if (labelLength == 0) return false;
        var end = start + labelLength - 1;
        while (end > start && output[end] == ' ') end--;
        return output[end] is ':' or '»' or '›' or '>' or '-' or '–' or '|';
    }

    /// <summary>The linked text after a label is another article's headline (three words or more), not a shop's name.</summary>
    public static bool IsHeadline(StringBuilder output, int start, int length)
    {
        var spaces = 0;
        for (var i = start + 1; i < start + length; i++)
            if (output[i] == ' ' && output[i - 1] != ' ' && ++spaces == 2) return true;
        return false;
    }

    /// <summary>"Photo: Reuters", "Quelle: dpa", "© Getty Images": who made the picture or supplied the text.</summary>
    public static bool IsCreditLine(StringBuilder output, int start, int length)
    {
        if (length > MaxShortLineChars) return false;
        // "(Photo: Reuters)": a credit set in brackets under a picture is still a credit.
        if (length > 1 && output[start] is '(' or '[')
        {
            start++;
            length--;
        }
        foreach (var prefix in CreditPrefixes)
            if (StartsWith(output, start, length, prefix)) return true;
        return false;
    }

    /// <summary>
    /// "The minister arrives in Baku. | © Reuters/Getty Images": a picture's caption, told by the copyright credit
    /// that closes it; the caption describes the picture, not the statement.
    /// </summary>
    public static bool IsCaptionWithCredit(StringBuilder output, int start, int length)
    {
        if (length > MaxCaptionChars) return false;
        var end = start + length;
        for (var i = end - 1; i > start + 1 && i >= end - MaxCreditChars; i--)
        {
            if (output[i] != '©') continue;
            var before = output[i - 1] == ' ' ? output[i - 2] : output[i - 1];
            return before is '|' or '/' or '(' or '–' or '-';
        }
        return false;
    }

    /// <summary>Short and not ending like a sentence: reads as a section title.</summary>
    public static bool IsTitleLike(StringBuilder output, int start, int length) =>
        length <= MaxShortLineChars && output[start + length - 1] is not ('.' or '!' or '?');

    /// <summary>A short line ending in a colon ("More on this topic:") introduces what follows, like a heading.</summary>
    public static bool IsLeadIn(StringBuilder output, int start, int length) =>
        length <= MaxShortLineChars && output[start + length - 1] == ':';

    private static bool StartsWith(StringBuilder output, int start, int length, string prefix)
    {
        if (length < prefix.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
            if (char.ToLowerInvariant(output[start + i]) != prefix[i]) return false;
        return true;
    }
}
