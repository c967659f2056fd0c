namespace MinistryMonitor.Core.Detection;

/// <summary>A word in a text: where it is as written (UTF-16 offsets).</summary>
internal readonly record struct WordSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into words. Anything that is not a word character separates words — spaces of every kind,
/// line breaks, dashes and hyphens, quotes and apostrophes — so "Nagorno-Karabakh", "Nagorno–Karabakh" and
/// "Nagorno\nKarabakh" are the same two words. Soft hyphens and zero-width characters stay inside the word.
/// </summary>
internal static class WordTokenizer
{
    public static void Tokenize(string text, List<WordSpan> words)
    {
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            while (i < n && !TextNormalizer.IsWordChar(text[i])) i++;
            if (i >= n) break;
            var start = i;
            while (i < n && TextNormalizer.IsWordChar(text[i])) i++;
            // "delimi\u00AD\ntation": a word the page hyphenated softly at a line break is still one word.
            while (i < n && text[i - 1] == '\u00AD' && ContinuesAfterLineBreak(text, i, out var resume))
            {
                i = resume;
                while (i < n && TextNormalizer.IsWordChar(text[i])) i++;
            }
            var end = i;
            // A soft hyphen or zero-width character at a word's edge is not part of it.
            while (end > start && TextNormalizer.IsIgnorable(text[end - 1])) end--;
            var from = start;
            while (from < end && TextNormalizer.IsIgnorable(text[from])) from++;
            if (end > from) words.Add(new WordSpan(from, end - from));
        }
    }

    private static bool ContinuesAfterLineBreak(string text, int i, out int resume)
    {
        var sawNewline = false;
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            sawNewline |= text[i] == '\n';
            i++;
        }
        resume = i;
        return sawNewline && i < text.Length && TextNormalizer.IsWordChar(text[i]);
    }

    public static List<WordSpan> Tokenize(string text)
    {
        var words = new List<WordSpan>();
        Tokenize(text, words);
        return words;
    }
}
