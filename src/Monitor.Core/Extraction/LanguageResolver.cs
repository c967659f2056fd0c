namespace MinistryMonitor.Core.Extraction;

/// <summary>The page language as a BCP 47 tag: declared by the page if it says so, else guessed from the text.</summary>
internal static class LanguageResolver
{
    public static string? Resolve(PageMetadata metadata, string bodyText)
    {
        var declared = metadata.HtmlLanguage
            ?? FirstTag(metadata.MetaValue("content-language", "language", "dc.language", "og:locale"))
            ?? metadata.JsonLd.Language;
        return declared is not null ? Normalize(declared) : LanguageGuesser.Guess(bodyText);
    }

    private static string? FirstTag(string? value) =>
        value?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    /// <summary>"en_US" and "EN-us" become "en-US".</summary>
    private static string? Normalize(string tag)
    {
        var parts = tag.Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter)) return null;
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant() : parts[i];
        return string.Join('-', parts);
    }
}
