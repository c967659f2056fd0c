using System.Xml.Linq;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

/// <summary>The HTML fragments of real state.gov feed items (content:encoded), as the pipeline receives them.</summary>
public sealed class StateDepartmentFeedTests
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private readonly StatementExtractor _extractor = new();

    private static List<(string Title, string Html)> Items(string snapshotPrefix)
    {
        var file = SharedData.FeedSnapshot(snapshotPrefix.TrimEnd('-'));
        return XDocument.Load(new MemoryStream(SharedData.ReadFeedSnapshot(file))).Descendants("item")
            .Select(i => ((string?)i.Element("title") ?? "", (string?)i.Element(Content + "encoded") ?? ""))
            .ToList();
    }

    [Fact]
    public void Extract_YemenNationalDayItem_ReturnsParagraphsAndSpeaker()
    {
        var item = Items("0001-").Single(i => i.Title == "Yemen National Day");

        var statement = _extractor.Extract(item.Html);

        Assert.Equal(StatementExtractor.FragmentMethod, statement.Method);
        var paragraphs = statement.Text.Split("\n\n");
        Assert.Equal(3, paragraphs.Length);
        Assert.Equal("Antony J. Blinken, Secretary of State", paragraphs[0]);
        Assert.StartsWith("On behalf of the Government of the United States of America", paragraphs[1], StringComparison.Ordinal);
        Assert.EndsWith("May you enjoy a celebratory National Unity Day.", paragraphs[2], StringComparison.Ordinal);
        Assert.Equal("Antony J. Blinken, Secretary of State", statement.Author);
        Assert.Equal("en", statement.Language);
    }

    [Theory]
    [InlineData("0001-")]
    [InlineData("0100-")]
    [InlineData("0350-")]
    [InlineData("0705-")]
    public void Extract_EveryItemOfASnapshot_ReturnsOneParagraphPerTextBlockAndNoMarkup(string snapshotPrefix)
    {
        var items = Items(snapshotPrefix);
        Assert.NotEmpty(items);
        foreach (var (title, html) in items)
        {
            var statement = _extractor.Extract(html);
            var expectedBlocks = XDocumentFreeBlockCount(html);

            Assert.Equal(StatementExtractor.FragmentMethod, statement.Method);
            Assert.DoesNotContain("<p", statement.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("&amp;", statement.Text, StringComparison.Ordinal);
            Assert.True(statement.Text.Split("\n\n").Length >= expectedBlocks,
                $"{title}: {statement.Text.Split("\n\n").Length} paragraphs for {expectedBlocks} non-empty <p>");
        }
    }

    [Fact]
    public void Extract_SameItemTwice_ReturnsIdenticalText()
    {
        var html = Items("0001-")[0].Html;
        Assert.Equal(_extractor.Extract(html).Text, _extractor.Extract(html).Text);
    }

    /// <summary>Counts &lt;p&gt; elements with visible text, independently of the extractor (string scan).</summary>
    private static int XDocumentFreeBlockCount(string html)
    {
        var count = 0;
        var index = 0;
        while ((index = html.IndexOf("<p", index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var open = html.IndexOf('>', index);
            var close = html.IndexOf("</p>", index, StringComparison.OrdinalIgnoreCase);
            if (open < 0 || close < 0) break;
            var inner = System.Text.RegularExpressions.Regex.Replace(html[(open + 1)..close], "<[^>]*>|&nbsp;|\\s", "");
            if (html.Length > index + 2 && html[index + 2] is '>' or ' ' && inner.Length > 0) count++;
            index = close + 4;
        }
        return count;
    }
}
