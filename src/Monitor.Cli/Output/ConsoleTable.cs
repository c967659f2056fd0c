using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MinistryMonitor.Cli.Output;

/// <summary>
/// A text table (Spectre.Console). In a terminal, long cells wrap between words to fit its width; a word (a blob
/// path, a URL) is never split, so it can be copied whole: when the words alone do not fit, the table grows wider
/// than the terminal instead. Redirected to a file or a pipe, nothing wraps: one line per row.
/// </summary>
public static class ConsoleTable
{
    // Spectre's simple border puts one space before each column and after the last; each cell adds one of padding.
    private const int ColumnOverhead = 2;
    private const int TableOverhead = 1;

    /// <param name="maxCellWidth">Kept for existing callers; cells are no longer cut.</param>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, int maxCellWidth = 60)
    {
        var cells = rows.Select(r => headers.Select((_, i) => i < r.Count ? Flatten(r[i]) : string.Empty).ToArray()).ToList();
        var widths = ColumnWidths(headers, cells, TerminalWidth(writer));

        var table = new Table { Border = TableBorder.Simple, ShowHeaders = true };
        for (var i = 0; i < headers.Count; i++)
            table.AddColumn(new TableColumn(new Text(headers[i])) { Width = widths[i], Padding = new Padding(0, 0, 1, 0) });
        foreach (var row in cells)
            table.AddRow(row.Select(c => (IRenderable)new Text(c)));

        var rendered = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rendered),
        });
        // The widths are settled above; given room to spare, the console keeps them.
        console.Profile.Width = widths.Sum() + ColumnOverhead * headers.Count + TableOverhead + 16;
        console.Write(table);
        // The simple border's top and bottom edges are lines of spaces; trailing spaces get in the way of copying.
        foreach (var line in rendered.ToString().Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0))
            writer.WriteLine(line);
        if (cells.Count == 0) writer.WriteLine("(none)");
    }

    public static string Format(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// Each column as wide as its longest cell; while the table is wider than <paramref name="available"/>, the
    /// widest column that can still wrap gives up a character, never going below its longest word.
    /// </summary>
    internal static int[] ColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<string[]> cells, int? available)
    {
        var count = headers.Count;
        var widths = new int[count];
        var minimums = new int[count];
        for (var i = 0; i < count; i++)
        {
            var column = cells.Select(r => r[i]).Append(headers[i]).ToList();
            widths[i] = Math.Max(1, column.Max(c => c.Length));
            minimums[i] = Math.Max(1, column.Max(LongestWord));
        }
        if (available is not { } total) return widths;
        var budget = total - ColumnOverhead * count - TableOverhead;
        while (widths.Sum() > budget)
        {
            var widest = -1;
            for (var i = 0; i < count; i++)
                if (widths[i] > minimums[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
            if (widest < 0) break;
            widths[widest]--;
        }
        return widths;
    }

    /// <summary>The terminal's width when <paramref name="writer"/> is the terminal; null when the output goes to a file or a pipe.</summary>
    private static int? TerminalWidth(TextWriter writer)
    {
        if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected) return null;
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int LongestWord(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = char.IsWhiteSpace(c) ? 0 : current + 1;
            longest = Math.Max(longest, current);
        }
        return longest;
    }

    private static string Flatten(string? value) => (value ?? string.Empty).ReplaceLineEndings(" ");
}
