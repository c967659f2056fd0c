namespace MinistryMonitor.Core.Extraction;

/// <summary>Counts text the way it will be written: whitespace runs count as one character.</summary>
internal static class TextMeasure
{
    public static (int Length, int Commas) Measure(string text)
    {
        var length = 0;
        var commas = 0;
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && length > 0) length++;
            space = false;
            length++;
            // Latin, Arabic and CJK commas: a clause-rich run of text is prose rather than a menu.
            if (c is ',' or '\u060C' or '\uFF0C' or '\u3001') commas++;
        }
        return (length, commas);
    }
}
