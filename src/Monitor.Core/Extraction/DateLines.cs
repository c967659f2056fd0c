namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// Date lines ("Veröffentlichung: 2. Februar 2022", "2021-10-16 | News", "Updated 17.01.2021.") at the opening or
/// the end of a generic body, and prompts to the reader (<see cref="ReaderPrompts"/>) at its end: page furniture.
/// A date line's date belongs in the statement's metadata: the caller resolves the publication date from the
/// body before the lines are dropped, so no date is lost.
/// </summary>
internal static class DateLines
{
    /// <summary>Longest paragraph read as a date line; anything longer is prose that mentions a date.</summary>
    private const int MaxLineChars = 60;

    /// <summary>Words besides the date a date line may carry: a label ("Published on") or a section name.</summary>
    private const int MaxOtherWords = 3;

    /// <summary>Paragraphs searched at each end: date lines sit above the headline's text or below the last paragraph.</summary>
    private const int EdgeParagraphs = 3;

    private const string ParagraphBreak = "\n\n";

    /// <summary>The body without the date lines among its first and last paragraphs and the prompts among its last.</summary>
    public static string Strip(string text)
    {
        if (text.Length == 0) return text;
        var paragraphs = text.Split(ParagraphBreak);
        if (paragraphs.Length < 2) return text; // a body that is only a date line is left as it is
        var keep = new bool[paragraphs.Length];
        var dropped = 0;
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var atEnd = i >= paragraphs.Length - EdgeParagraphs;
            var atEdge = i < EdgeParagraphs || atEnd;
            keep[i] = !(atEdge && IsDateLine(paragraphs[i]) || atEnd && ReaderPrompts.IsPrompt(paragraphs[i]));
            if (!keep[i]) dropped++;
        }
        if (dropped == 0 || dropped == paragraphs.Length) return text;
        return string.Join(ParagraphBreak, paragraphs.Where((_, i) => keep[i]));
    }

    /// <summary>A short paragraph that is a date, with at most a few words of label around it.</summary>
    public static bool IsDateLine(string paragraph)
    {
        if (paragraph.Length > MaxLineChars || paragraph.Contains('\n')) return false;
        if (!DateParser.TryFind(paragraph, monthFirst: false, out _, out var index, out var length)) return false;
        return Words(paragraph.AsSpan(0, index)) + Words(paragraph.AsSpan(index + length)) <= MaxOtherWords;
    }

    private static int Words(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
