using System.Buffers;

namespace MinistryMonitor.Core.Detection;

/// <summary>A stretch of a text: a paragraph or a sentence (UTF-16 offsets, trimmed of surrounding whitespace).</summary>
internal readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(int start, int end) => start < End && end > Start;
}

/// <summary>
/// Paragraphs and sentences of a statement. Paragraphs are separated by a blank line ("\n\n", with any
/// whitespace on the blank line). Sentences end at . ! ? … followed by a space and a capital, digit or quote;
/// a line break does not end a sentence unless the line ends in such punctuation, because extracted texts
/// often keep the hard line breaks of the page ("stabilizing the situation\n\nalong the border").
/// </summary>
internal static class TextLayout
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "gen", "lt", "col", "sen", "rep", "amb", "jr", "sr", "etc", "art", "para", "cf",
        "г", "гг", "т", "тт", "ст", "им", "см", "др", "пр", "мм", "р-н", "m", "mme", "av", "nr", "bzw", "vgl",
    };

    private static readonly SearchValues<char> SentenceMarks = SearchValues.Create("\n.!?…。։");

    public static List<TextRange> Paragraphs(string text)
    {
        var result = new List<TextRange>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\n' && BlankLineAfter(text, i, out var resume))
            {
                AddTrimmed(text, start, i, result);
                start = resume;
                i = resume;
                continue;
            }
            i++;
        }
        AddTrimmed(text, start, text.Length, result);
        return result;
    }

    /// <summary>The index of the paragraph holding <paramref name="offset"/> (or the one before it).</summary>
    public static int ParagraphIndex(List<TextRange> paragraphs, int offset) => IndexOf(paragraphs, offset);

    /// <summary>Sentences within one range of the text (a paragraph when diffing).</summary>
    public static List<TextRange> Sentences(string text, TextRange within)
    {
        var result = new List<TextRange>();
        var start = within.Start;
        for (var i = within.Start; i < within.End; i++)
        {
            if (IsSentenceEnd(text, i, within.End))
            {
                AddTrimmed(text, start, i + 1, result);
                start = i + 1;
            }
        }
        AddTrimmed(text, start, within.End, result);
        return result;
    }

    /// <summary>
    /// Sentences of the whole text, for snippets: they may cross the hard line breaks of a page, but end at a
    /// blank line that follows sentence-ending punctuation.
    /// </summary>
    public static List<TextRange> SentencesOfText(string text)
    {
        var result = new List<TextRange>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var skip = text.AsSpan(i).IndexOfAny(SentenceMarks);
            if (skip < 0) break;
            i += skip;
            var c = text[i];
            if (c == '\n' && IsParagraphEndedByPunctuation(text, i))
            {
                AddTrimmed(text, start, i, result);
                start = i;
            }
            else if (c is '.' or '!' or '?' or '…' or '。' or '։' && IsSentenceEnd(text, i, text.Length))
            {
                AddTrimmed(text, start, i + 1, result);
                start = i + 1;
            }
        }
        AddTrimmed(text, start, text.Length, result);
        return result;
    }

    /// <summary>The index in <paramref name="ranges"/> (sorted, disjoint) of the range holding <paramref name="offset"/>, or the one before it.</summary>
    public static int IndexOf(List<TextRange> ranges, int offset)
    {
        int low = 0, high = ranges.Count - 1, found = 0;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (ranges[mid].Start <= offset) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found;
    }

    /// <summary>
    /// The snippet range for a match in <paramref name="sentence"/>: the sentence, or for a very long one
    /// (a list, a table) the whole words within a few hundred characters of the match.
    /// </summary>
    public static TextRange Snippet(string text, TextRange sentence, int start, int end)
    {
        const int Reach = 300;
        var from = Math.Min(sentence.Start, start);
        var to = Math.Max(sentence.End, end);
        if (start - from > Reach)
        {
            from = start - Reach;
            while (from < start && !char.IsWhiteSpace(text[from - 1])) from++;
        }
        if (to - end > Reach)
        {
            to = end + Reach;
            while (to > end && !char.IsWhiteSpace(text[to])) to--;
        }
        return new TextRange(from, to);
    }

    private static bool IsSentenceEnd(string text, int i, int limit)
    {
        var c = text[i];
        if (c is not ('.' or '!' or '?' or '…' or '。' or '։')) return false; // ։ is the Armenian full stop
        var next = i + 1;
        while (next < limit && text[next] is '"' or '\'' or '”' or '’' or '»' or ')') next++;
        if (next >= limit) return true;
        if (!char.IsWhiteSpace(text[next])) return false;
        while (next < limit && char.IsWhiteSpace(text[next])) next++;
        if (next >= limit) return true;
        var following = text[next];
        if (!(char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '«' or '„' or '(' or '‘')) return false;
        return c != '.' || !IsAbbreviation(text, i);
    }

    /// <summary>A blank line after punctuation that ends a sentence, at <paramref name="i"/>: a boundary even before a lower-case word.</summary>
    private static bool IsParagraphEndedByPunctuation(string text, int i)
    {
        if (text[i] != '\n' || !BlankLineAfter(text, i, out _)) return false;
        var before = i - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        return before < 0 || text[before] is '.' or '!' or '?' or '…' or ':' or ';' or '"' or '”' or '»';
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-')) start--;
        var word = text.AsSpan(start, dot - start);
        if (word.Length == 1) return true; // initials and "U.S."
        return Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static bool BlankLineAfter(string text, int newline, out int resume)
    {
        var j = newline + 1;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r' or '\u00A0') j++;
        if (j < text.Length && text[j] == '\n')
        {
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            resume = j;
            return true;
        }
        resume = newline + 1;
        return false;
    }

    private static void AddTrimmed(string text, int start, int end, List<TextRange> result)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new TextRange(start, end));
    }
}
