using System.Text;
using Monitor.Core.Extraction;

namespace Monitor.Core.Tests.Extraction;

public sealed class GenericContentExtractorTests
{
    private static readonly string[] StatementParagraphs =
    [
        "The Ministry of Foreign Affairs welcomes the meeting of the foreign ministers held in Moscow, at which the parties discussed the peace treaty, border delimitation and the unblocking of transport links.",
        "The ministers reaffirmed their commitment to the trilateral statements, and agreed that the expert groups would continue their work on the draft treaty in the coming weeks.",
        "Particular attention was paid to the humanitarian situation, including the exchange of detainees, the search for missing persons and demining, which remain priorities for both sides.",
        "The Ministry calls on all parties to refrain from steps that could undermine the negotiation process, and expresses its readiness to host the next round of talks.",
    ];

    private readonly StatementExtractor _extractor = new();

    private static string Page(string article, string? extraHead = null)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Statement - Ministry</title>");
        html.Append(extraHead);
        html.Append("</head><body>");
        html.Append("<div class=\"cookie-banner\">This site uses cookies to improve your experience. Accept all cookies.</div>");
        html.Append("<header><a href=\"/\">Ministry of Foreign Affairs</a></header>");
        html.Append("<nav><ul>");
        foreach (var item in new[] { "Home", "Minister", "Press service", "Foreign policy", "Consular services", "Contacts" })
            html.Append("<li><a href=\"/").Append(item).Append("\">").Append(item).Append("</a></li>");
        html.Append("</ul></nav><div class=\"layout\"><div class=\"sidebar\"><h3>Latest news</h3><ul>");
        for (var i = 0; i < 8; i++)
            html.Append("<li><a href=\"/news/").Append(i).Append("\">Minister receives the ambassador of a friendly country, number ").Append(i).Append("</a></li>");
        html.Append("</ul></div><div class=\"main-column\">").Append(article).Append("</div></div>");
        html.Append("<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>");
        html.Append("<footer><p>© Ministry of Foreign Affairs. All rights reserved. Address: 1 Square, the Capital.</p></footer>");
        html.Append("<script>var tracker = 'ministry analytics';</script></body></html>");
        return html.ToString();
    }

    private static string Article() =>
        "<article><h1>Statement on the meeting of foreign ministers</h1><div class=\"date\">25 July 2023</div>" +
        string.Concat(StatementParagraphs.Select(p => "<p>" + p + "</p>")) + "</article>";

    [Fact]
    public void Extract_PageWithChrome_ReturnsExactlyTheStatementParagraphs()
    {
        var statement = _extractor.Extract(Page(Article()));

        Assert.Equal(StatementExtractor.GenericMethod, statement.Method);
        Assert.Equal(string.Join("\n\n", StatementParagraphs), statement.Text);
    }

    [Theory]
    [InlineData("uses cookies")]
    [InlineData("Consular services")]
    [InlineData("friendly country")]
    [InlineData("Share on Facebook")]
    [InlineData("All rights reserved")]
    [InlineData("ministry analytics")]
    public void Extract_PageWithChrome_LeavesOutBoilerplate(string boilerplate)
    {
        var statement = _extractor.Extract(Page(Article()));
        Assert.DoesNotContain(boilerplate, statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ShortStatementAmongChrome_ReturnsOnlyTheStatement()
    {
        var article = "<article><h1>Comment</h1><p>" + StatementParagraphs[0] + "</p></article>";

        var statement = _extractor.Extract(Page(article));

        Assert.Equal(StatementParagraphs[0], statement.Text);
    }

    [Fact]
    public void Extract_StatementAsLooseTextWithLineBreaks_KeepsEveryLineAsAParagraph()
    {
        var article = "<div class=\"news-text\">" + string.Join("<br><br>", StatementParagraphs) + "</div>";

        var statement = _extractor.Extract(Page(article));

        Assert.Equal(string.Join("\n\n", StatementParagraphs), statement.Text);
    }

    [Fact]
    public void Extract_RelatedLinksInsideArticle_AreLeftOut()
    {
        var related = "<div class=\"related-news\"><h4>Related</h4><ul>" +
            "<li><a href=\"/a\">Minister meets counterpart in Geneva to discuss the agenda</a></li>" +
            "<li><a href=\"/b\">Deputy minister holds consultations with the delegation</a></li></ul></div>";
        var article = "<article>" + string.Concat(StatementParagraphs.Select(p => "<p>" + p + "</p>")) + related + "</article>";

        var statement = _extractor.Extract(Page(article));

        Assert.DoesNotContain("counterpart in Geneva", statement.Text, StringComparison.Ordinal);
        Assert.Contains(StatementParagraphs[^1], statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HiddenElementInArticle_IsLeftOut()
    {
        var article = "<article>" + string.Concat(StatementParagraphs.Select(p => "<p>" + p + "</p>")) +
            "<p style=\"display: none\">Hidden tracking text that readers never see.</p></article>";

        var statement = _extractor.Extract(Page(article));

        Assert.DoesNotContain("Hidden tracking text", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_JsonLdArticleBodyMuchLongerThanPage_UsesJsonLd()
    {
        var jsonLd = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"," +
            "\"headline\":\"Statement on the meeting\",\"datePublished\":\"2023-07-25T10:00:00+03:00\"," +
            "\"author\":{\"@type\":\"Person\",\"name\":\"Maria Zakharova\"}," +
            "\"articleBody\":\"" + string.Join("\\n", StatementParagraphs) + "\"}</script>";
        var shell = "<div id=\"app\"><p>Loading the statement, please wait a moment.</p></div>";

        var statement = _extractor.Extract(Page(shell, jsonLd));

        Assert.Equal(StatementExtractor.JsonLdMethod, statement.Method);
        Assert.Equal(string.Join("\n\n", StatementParagraphs), statement.Text);
        Assert.Equal("Statement on the meeting", statement.Title);
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 10, 0, 0, TimeSpan.FromHours(3)), statement.Published);
        Assert.Equal("Maria Zakharova", statement.Author);
    }

    [Fact]
    public void Extract_BrokenJsonLd_IsIgnoredAndThePageStillExtracts()
    {
        var statement = _extractor.Extract(Page(Article(), "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", broken</script>"));
        Assert.Equal(string.Join("\n\n", StatementParagraphs), statement.Text);
    }

    [Fact]
    public void Extract_HtmlFragment_ReturnsTheWholeFragment()
    {
        var fragment = "<p>First paragraph of the feed item.</p>\n<p>Second <strong>paragraph</strong> with a <a href=\"/x\">link</a>.</p>";

        var statement = _extractor.Extract(fragment);

        Assert.Equal(StatementExtractor.FragmentMethod, statement.Method);
        Assert.Equal("First paragraph of the feed item.\n\nSecond paragraph with a link.", statement.Text);
    }

    [Fact]
    public void ExtractBodyText_ShortPageWithoutClearContainer_StillReturnsItsText()
    {
        var text = _extractor.ExtractBodyText("<html><body><div>Short notice: the briefing is postponed.</div></body></html>");
        Assert.Equal("Short notice: the briefing is postponed.", text);
    }
}
