using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class DateLinesTests
{
    private const string Prose =
        "The Ministry of Foreign Affairs welcomes the meeting of the foreign ministers held in Moscow on 5 May 2023, at which the parties discussed the peace treaty.";

    [Theory]
    [InlineData("23.10.2018")]
    [InlineData("Veröffentlichung: 2. Februar 2022")]
    [InlineData("2021-10-16 | News")]
    [InlineData("24. März 2004, 19:49 | Genesis")]
    [InlineData("Aktualisiert am 17.01.2021.")]
    public void IsDateLine_ShortLabelledDate_IsDateLine(string paragraph) =>
        Assert.True(DateLines.IsDateLine(paragraph));

    [Theory]
    [InlineData("On 5 May 2023 the minister met his counterpart.")]
    [InlineData("The briefing is postponed until further notice.")]
    [InlineData(Prose)]
    public void IsDateLine_SentenceOrNoDate_IsNotDateLine(string paragraph) =>
        Assert.False(DateLines.IsDateLine(paragraph));

    [Fact]
    public void Strip_DateLinesAtOpeningAndEnd_DropsThemAndKeepsProse()
    {
        var text = DateLines.Strip("Published: 5 May 2023\n\n" + Prose + "\n\n" + Prose + "\n\nUpdated 6 May 2023");

        Assert.Equal(Prose + "\n\n" + Prose, text);
    }

    [Fact]
    public void Strip_DateLineInTheMiddleOfALongBody_IsKept()
    {
        var middle = Enumerable.Repeat(Prose, 4).Append("5 May 2023").Concat(Enumerable.Repeat(Prose, 4)).ToArray();
        var body = string.Join("\n\n", middle);

        Assert.Equal(body, DateLines.Strip(body));
    }

    [Fact]
    public void Strip_BodyThatIsOnlyADateLine_IsKept() =>
        Assert.Equal("5 May 2023", DateLines.Strip("5 May 2023"));

    [Fact]
    public void Extract_DateLineAtBodyOpening_DroppedFromTextAndKeptAsPublicationDate()
    {
        var html = "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Statement on the talks</h1>" +
                   "<p>Posted on 14 March 2023</p>" + string.Concat(Enumerable.Repeat("<p>" + Prose + "</p>", 3)) +
                   "</article></body></html>";

        var statement = new StatementExtractor().Extract(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(html)), "text/html");

        Assert.DoesNotContain("14 March 2023", statement.Text, StringComparison.Ordinal);
        Assert.Contains("peace treaty", statement.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2023, 3, 14), statement.Published?.Date);
    }
}
