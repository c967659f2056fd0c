using System.IO.Compression;
using System.Text;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class BatchExtractorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitor-batch-tests-" + Guid.NewGuid().ToString("N"));

    public BatchExtractorTests() => Directory.CreateDirectory(Path.Combine(_root, "in"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Trait("Category", "Slow")]
    [Fact]
    public void Run_FolderOfPlainGzippedAndBinaryPages_WritesOneTextPerPageAndReportsTheRefused()
    {
        var input = Path.Combine(_root, "in");
        var output = Path.Combine(_root, "out");
        const string paragraph = "The Ministry of Foreign Affairs welcomes the agreement reached today, and calls on both sides to implement it.";
        File.WriteAllText(Path.Combine(input, "plain.html"), "<html><body><article><p>" + paragraph + "</p></article></body></html>");
        using (var gzip = new GZipStream(File.Create(Path.Combine(input, "packed.html.gz")), CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes("<html><body><article><p>Packed: " + paragraph + "</p></article></body></html>"));
        File.WriteAllBytes(Path.Combine(input, "binary.html"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(input, "notes.txt"), "not a page");

        var result = new BatchExtractor(new StatementExtractor()).Run(input, output, maxParallelism: 2);

        Assert.Equal(3, result.Pages);
        Assert.Equal(paragraph, File.ReadAllText(Path.Combine(output, "plain.txt")));
        Assert.Equal("Packed: " + paragraph, File.ReadAllText(Path.Combine(output, "packed.txt")));
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(output, "binary.txt")));
        var failure = Assert.Single(result.Failures);
        Assert.EndsWith("binary.html", failure.File, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "notes.txt")));
    }

    [Theory]
    [InlineData("a/b/page.html.gz", "page")]
    [InlineData("page.HTML", "page")]
    [InlineData("x.y.html", "x.y")]
    public void PageName_HtmlOrGzippedHtml_StripsTheExtensions(string path, string expected)
    {
        Assert.Equal(expected, BatchExtractor.PageName(path));
    }
}
