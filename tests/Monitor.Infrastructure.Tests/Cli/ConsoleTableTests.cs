using MinistryMonitor.Cli.Output;

namespace MinistryMonitor.Infrastructure.Tests.Cli;

public sealed class ConsoleTableTests
{
    private const string BlobPath = "demo-ru-news/2023/07/25/заявление-о-трёхсторонней-встрече-министров-иностранных-дел-ef236db6/v001.txt";

    [Fact]
    public void ColumnWidths_TerminalNarrowerThanTheTable_TextWrapsButNoColumnGoesBelowItsLongestWord()
    {
        string[][] cells = [["Statement on the trilateral meeting of foreign ministers", BlobPath]];

        var widths = ConsoleTable.ColumnWidths(["title", "archived text"], cells, available: 80);

        Assert.Equal(BlobPath.Length, widths[1]);
        Assert.Equal("trilateral".Length, widths[0]);
    }

    [Fact]
    public void ColumnWidths_TableFitsTheTerminal_EveryColumnAsWideAsItsLongestCell()
    {
        string[][] cells = [["on the Lachin corridor", "mfa/v001.txt"]];

        Assert.Equal([22, 13], ConsoleTable.ColumnWidths(["title", "archived text"], cells, available: 200));
    }

    [Fact]
    public void Write_ToAFile_OneLinePerRowWithEveryCellWhole()
    {
        var output = new StringWriter();

        ConsoleTable.Write(output, ["source", "title", "archived text"],
            [["demo-ru-news", "Заявление о трёхсторонней встрече министров иностранных дел\nи ещё строка", BlobPath], ["demo-press", null, "demo-press/v001.txt"]]);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Contains("archived text", lines[0]);
        Assert.Contains("Заявление о трёхсторонней встрече министров иностранных дел и ещё строка", lines[2]);
        Assert.EndsWith(BlobPath, lines[2]);
        Assert.EndsWith("demo-press/v001.txt", lines[3]);
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void Write_NoRows_SaysNone()
    {
        var output = new StringWriter();

        ConsoleTable.Write(output, ["source"], []);

        Assert.EndsWith("(none)", output.ToString().TrimEnd());
    }
}
