using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class ExtractionSelectorsParserTests
{
    [Fact]
    public void Parse_AllThreeParts_ReturnsEachSelector()
    {
        var selectors = ExtractionSelectorsParser.Parse("title=h1.page-title; date=span.date ;body=div.text, div.lead");
        Assert.Equal(new ExtractionSelectors("h1.page-title", "span.date", "div.text, div.lead"), selectors);
    }

    [Fact]
    public void Parse_BodyOnly_LeavesTheOthersEmpty()
    {
        Assert.Equal(new ExtractionSelectors(Body: "article"), ExtractionSelectorsParser.Parse("body=article"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Parse_Nothing_ReturnsNone(string? text)
    {
        Assert.Same(ExtractionSelectors.None, ExtractionSelectorsParser.Parse(text));
    }

    [Theory]
    [InlineData("article")]
    [InlineData("heading=h1")]
    public void Parse_MalformedPart_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ExtractionSelectorsParser.Parse(text));
    }
}
