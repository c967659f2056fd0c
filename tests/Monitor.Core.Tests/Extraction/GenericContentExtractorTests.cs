using System.Text;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

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

    private static string Paragraphs() => string.Concat(StatementParagraphs.Select(p => "<p>" + p + "</p>"));

    [Fact]
    public void Extract_LeadInTheArticleHeader_KeepsTheLeadBeforeTheBody()
    {
        const string lead = "The minister set out the country's position on the peace treaty ahead of the next round of talks.";
        var article = "<article><header><h1>Statement</h1><p class=\"article-lead\">" + lead + "</p></header>" +
            "<div class=\"article-body\">" + Paragraphs() + "</div></article>";

        var statement = _extractor.Extract(Page(article));

        Assert.Equal(lead + "\n\n" + string.Join("\n\n", StatementParagraphs), statement.Text);
    }

    [Fact]
    public void Extract_ShortPostWithLongCommentThread_ReturnsThePostNotTheComments()
    {
        var comments = new StringBuilder("<section id=\"comments\"><ol class=\"commentlist\">");
        for (var i = 0; i < 12; i++)
            comments.Append("<li class=\"comment\"><p>Reader comment number ").Append(i)
                .Append(": thanks, I fully agree with this, and I would add that the talks should go on, as they must.</p></li>");
        comments.Append("</ol></section>");
        var article = "<article><div class=\"entry-content\"><p>" + StatementParagraphs[0] + "</p></div>" + comments + "</article>";

        var statement = _extractor.Extract(Page(article));

        Assert.Equal(StatementParagraphs[0], statement.Text);
    }

    [Fact]
    public void Extract_ShortEnumerationInTheBody_KeepsItsItems()
    {
        var list = "<ol><li><strong>Ceasefire along the line</strong></li><li><strong>Exchange of all detainees</strong></li>" +
            "<li><strong>Demining of the border areas</strong></li></ol>";
        var article = "<article><p>" + StatementParagraphs[0] + "</p>" + list + "<p>" + StatementParagraphs[1] + "</p></article>";

        var statement = _extractor.Extract(Page(article));

        Assert.Contains("Ceasefire along the line\n\nExchange of all detainees\n\nDemining of the border areas", statement.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>Photo: Ministry press service</p>", "Photo:")]
    [InlineData("<p>Read more: <a href=\"/n/1\">Minister receives the new ambassador</a></p>", "Read more")]
    [InlineData("<h3>More on this topic</h3><ul class=\"tags\"><li><a href=\"/t\">Talks</a></li></ul>", "More on this topic")]
    [InlineData("<p>(Credit: Ministry press service)</p>", "Credit")]
    [InlineData("<p>The minister arrives at the talks. | © Reuters/Getty Images</p>", "Getty")]
    [InlineData("<p>Follow us on Telegram and X for the latest statements.</p>", "Follow us")]
    [InlineData("<p>Get the latest news straight to your phone with the Ministry app.</p>", "Ministry app")]
    [InlineData("<footer class=\"entry-meta\">This entry was posted in News and tagged talks. Bookmark the permalink.</footer>", "permalink")]
    public void Extract_CreditTeaserOrEmptiedHeadingAfterTheBody_IsLeftOut(string furniture, string expectedAbsent)
    {
        var article = "<article>" + Paragraphs() + furniture + "</article>";

        var statement = _extractor.Extract(Page(article));

        Assert.True(!statement.Text.Contains(expectedAbsent, StringComparison.Ordinal), statement.Text);
        Assert.EndsWith(StatementParagraphs[^1], statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LinkInsideASentence_KeepsTheSentence()
    {
        const string sentence = "Read more: the full text of the agreement is published on the ministry's website today.";
        var article = "<article>" + Paragraphs() + "<p>Read more: the full text of the <a href=\"/agreement\">agreement</a> is published on the ministry's website today.</p></article>";

        var statement = _extractor.Extract(Page(article));

        Assert.EndsWith(sentence, statement.Text, StringComparison.Ordinal);
    }
}
