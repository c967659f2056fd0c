using System.Buffers;
using System.Globalization;
using System.Text;

namespace MinistryMonitor.Core.Detection;

/// <summary>
/// Character-level rules shared by topic terms and statement texts, so that both sides of a match are
/// folded the same way: what separates words, what is invisible, and how case and accents are folded.
/// </summary>
internal static class TextNormalizer
{
    private static readonly SearchValues<char> UnusualSpace = SearchValues.Create(
        "\t\n\v\f\r\u0085\u00A0\u00AD\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF");

    // One flag per UTF-16 code unit: the tokenizer asks for every character of every statement.
    private static readonly bool[] WordChars = BuildWordChars();

    /// <summary>A character that belongs inside a word (letters, digits, combining marks, invisible joiners).</summary>
    public static bool IsWordChar(char c) => WordChars[c];

    private static bool[] BuildWordChars()
    {
        var table = new bool[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) table[c] = ClassifyWordChar((char)c);
        return table;
    }

    private static bool ClassifyWordChar(char c)
    {
        if (c < 0x80) return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        if (IsIgnorable(c)) return true;
        // Apostrophe-like letters split words the same way ' and ’ do ("d’Azerbaïdjan", "Xocalıʼda").
        if (c is '\u02BC' or '\u02BB' or '\u02B9') return false;
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber => true,
            _ => false,
        };
    }

    /// <summary>Characters that may sit inside a word without being part of it: soft hyphen, zero-width space/joiners, BOM.</summary>
    public static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>
    /// The case-preserving form of a word: invisible characters removed, NFKC (so ligatures, full-width
    /// and compatibility letters compare equal), stray combining accents (Russian stress marks) dropped.
    /// </summary>
    public static string Canonical(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c >= 0x80) { ascii = false; break; }
        }
        if (ascii) return new string(word);

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            // Whitespace only occurs inside a word that was soft-hyphenated across a line break.
            if (!IsIgnorable(c) && !char.IsWhiteSpace(c)) builder.Append(c);
        }
        var composed = builder.ToString().Normalize(NormalizationForm.FormKC);
        builder.Clear();
        foreach (var c in composed)
        {
            if (c is >= '\u0300' and <= '\u036F') continue;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Lower case with ё folded to е; accents kept, because the stemmers read them.</summary>
    public static string Lower(string canonical)
    {
        var lower = canonical.ToLowerInvariant();
        if (lower.AsSpan().IndexOfAny('ё', '\u0307') < 0) return lower;
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c == '\u0307') continue; // left over from lower-casing Turkic İ
            builder.Append(c == 'ё' ? 'е' : c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Accent-insensitive form for Latin script ("Laçın" = "Lacin", "Etats" = "États"), dotless ı = i,
    /// ß = ss. Other scripts are left alone: folding й to и would merge distinct Russian words.
    /// </summary>
    public static string Fold(string lower)
    {
        var plain = true;
        foreach (var c in lower)
        {
            if (c is >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF') { plain = false; break; }
        }
        if (plain) return lower;

        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            switch (c)
            {
                case 'ı': builder.Append('i'); break;
                case 'ß': builder.Append("ss"); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ø': builder.Append('o'); break;
                case 'đ': builder.Append('d'); break;
                case 'ł': builder.Append('l'); break;
                case >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF':
                    var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                    builder.Append(decomposed[0]);
                    break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>True when <see cref="CollapseWhitespace"/> leaves this stretch (inside a longer text) unchanged.</summary>
    public static bool SurvivesCollapse(ReadOnlySpan<char> text) =>
        text.IndexOfAny(UnusualSpace) < 0 && text.IndexOf("  ", StringComparison.Ordinal) < 0;

    /// <summary>Whitespace runs (line breaks, no-break spaces) collapsed to one space, ends trimmed: how snippets and diff keys see text.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        // Most sentences have nothing to collapse: copy them as they are.
        if (text.IndexOfAny(UnusualSpace) < 0 && text.IndexOf("  ", StringComparison.Ordinal) < 0
            && (text.IsEmpty || (text[0] != ' ' && text[^1] != ' ')))
            return new string(text);

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (c == '\u00AD') continue;
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
