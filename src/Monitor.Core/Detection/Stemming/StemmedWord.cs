using System.Buffers;

namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// A word being stemmed, in a buffer the caller owns (on the stack for ordinary words). Snowball stemmers only
/// cut and rewrite the end of a word and never make it longer than it was, so the buffer has the word's length
/// and the regions measured from the start stay valid while endings are cut.
/// </summary>
internal ref struct StemmedWord
{
    private readonly Span<char> letters;

    public StemmedWord(Span<char> buffer, string word)
    {
        word.CopyTo(buffer);
        letters = buffer;
        Length = word.Length;
    }

    public int Length { get; private set; }

    public readonly char this[int index]
    {
        get => Letters[index];
        set => Letters[index] = value;
    }

    private readonly Span<char> Letters => letters[..Length];

    public readonly bool StartsWith(string beginning) => Letters.StartsWith(beginning, StringComparison.Ordinal);

    public readonly bool EndsWith(string ending) => Letters.EndsWith(ending, StringComparison.Ordinal);

    /// <summary>True when the word ends with <paramref name="ending"/> and the ending lies wholly at or after <paramref name="regionStart"/>.</summary>
    public readonly bool EndsWith(string ending, int regionStart) => Length - ending.Length >= regionStart && EndsWith(ending);

    /// <summary>
    /// Snowball's "among": the longest of <paramref name="endings"/> the word ends with, counting only endings
    /// wholly at or after <paramref name="regionStart"/>; null if none. The rule attached to that ending then
    /// decides alone: a shorter ending is never tried when the longest one's condition fails.
    /// </summary>
    public readonly string? LongestEnding(Endings endings, int regionStart = 0)
    {
        if (Length == 0) return null;
        foreach (var ending in endings.EndingIn(letters[Length - 1]))
        {
            if (EndsWith(ending, regionStart)) return ending;
        }
        return null;
    }

    /// <summary>Where <paramref name="ending"/>, which the word ends with, starts.</summary>
    public readonly int StartOf(string ending) => Length - ending.Length;

    public void Cut(int count) => Length -= count;

    public void Replace(string ending, string replacement)
    {
        Cut(ending.Length);
        replacement.CopyTo(letters[Length..]);
        Length += replacement.Length;
    }

    /// <summary>
    /// The position just after the first non-vowel that follows a vowel at or after <paramref name="from"/>, or the
    /// word's length when there is none: how R1 is found from the start and R2 from R1.
    /// </summary>
    public readonly int AfterVowelAndNonVowel(int from, SearchValues<char> vowels)
    {
        var vowel = IndexOfAny(from, vowels);
        if (vowel < 0) return Length;
        var nonVowel = Letters[(vowel + 1)..].IndexOfAnyExcept(vowels);
        return nonVowel < 0 ? Length : vowel + 1 + nonVowel + 1;
    }

    /// <summary>The first position at or after <paramref name="from"/> holding one of <paramref name="letters"/>, or -1.</summary>
    public readonly int IndexOfAny(int from, SearchValues<char> letters)
    {
        if (from >= Length) return -1;
        var index = Letters[from..].IndexOfAny(letters);
        return index < 0 ? -1 : from + index;
    }

    /// <summary>The stem, or <paramref name="original"/> itself when nothing changed (no allocation for a word that is its own stem).</summary>
    public readonly string ToString(string original) =>
        Letters.SequenceEqual(original.AsSpan()) ? original : new string(Letters);
}
