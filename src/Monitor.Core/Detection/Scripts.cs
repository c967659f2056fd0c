namespace MinistryMonitor.Core.Detection;

/// <summary>Which writing system a word is in; decides which stemmer, if any, can read it.</summary>
internal enum Script
{
    Digits,
    Latin,
    Cyrillic,
    Armenian,
    Other,
}

internal static class Scripts
{
    public static Script Of(string lower)
    {
        bool latin = false, cyrillic = false, armenian = false, other = false, letter = false;
        foreach (var c in lower)
        {
            if (char.IsDigit(c)) continue;
            letter = true;
            if (c < 0x80 || c is >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' or 'ə' or 'Ə') latin = true;
            else if (c is >= '\u0400' and <= '\u04FF') cyrillic = true;
            else if (c is >= '\u0530' and <= '\u058F') armenian = true;
            else other = true;
        }
        if (!letter) return Script.Digits;
        if (other || (latin ? 1 : 0) + (cyrillic ? 1 : 0) + (armenian ? 1 : 0) > 1) return Script.Other;
        return latin ? Script.Latin : cyrillic ? Script.Cyrillic : armenian ? Script.Armenian : Script.Other;
    }

    /// <summary>
    /// Letters that only Azerbaijani (among the languages we track) writes in Latin script; a term holding
    /// one is matched with the agglutinative prefix rule rather than a Western stemmer.
    /// </summary>
    public static bool LooksAzerbaijani(string lower) => lower.AsSpan().IndexOfAny("əığş") >= 0;
}
