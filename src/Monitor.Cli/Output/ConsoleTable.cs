using System.Globalization;

namespace Monitor.Cli.Output;

/// <summary>A plain text table for the terminal: columns sized to their content, long cells cut with an ellipsis.</summary>
public static class ConsoleTable
{
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, int maxCellWidth = 60)
    {
        var cells = rows.Select(r => r.Select(c => Cut(c ?? string.Empty, maxCellWidth)).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        writer.WriteLine(Line(headers, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells) writer.WriteLine(Line(row, widths));
        if (cells.Count == 0) writer.WriteLine("(none)");
    }

    public static string Format(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    private static string Cut(string value, int max)
    {
        var flat = value.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
