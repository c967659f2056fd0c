using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// The number ministries print on press releases ("No:069/18", "№ 1234-07-2023", "Nr. 12/2023"), looked for in the
/// title and the opening and closing paragraphs, where it is printed.
/// </summary>
internal static partial class DocumentNumberFinder
{
    private const int EdgeParagraphs = 3;

    // "No"/"Nr" are ordinary words too ("No 10 Downing Street"), so after them the number must have parts
    // ("069/18"); after the unambiguous signs № N° Nº a plain number will do.
    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?:No|Nr)\s*[:.]?\s*(?<number>\d\w*(?:[/\-.]\w+)+)|(?:N°|Nº|№)\s*[:.]?\s*(?<number>\d\w*(?:[/\-.]\w+)*))(?![\p{L}\d])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    public static string? Find(string? title, string bodyText)
    {
        if (Match(title) is { } fromTitle) return fromTitle;
        var paragraphs = bodyText.Split("\n\n");
        var edges = paragraphs.Length <= EdgeParagraphs * 2
            ? paragraphs
            : paragraphs.Take(EdgeParagraphs).Concat(paragraphs.TakeLast(EdgeParagraphs));
        foreach (var paragraph in edges)
            if (Match(paragraph) is { } number) return number;
        return null;
    }

    private static string? Match(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var match = Number().Match(text.Length > 2000 ? text[..2000] : text);
        return match.Success ? match.Groups["number"].Value : null;
    }
}
