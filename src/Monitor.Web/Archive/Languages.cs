using System.Globalization;

namespace MinistryMonitor.Web.Archive;

/// <summary>A language code as readers know it ("ru" is shown as "Russian"); the code itself when .NET does not know it.</summary>
public static class Languages
{
    public static string Name(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 35) return code;
        try
        {
            var culture = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            return string.IsNullOrEmpty(culture.EnglishName) || culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            // Not a language .NET knows (a typo in the sources file, a private tag): the code is what there is to show.
            return code;
        }
    }
}
