using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class MetadataTests
{
    private const string Body =
        "<article><p>The Ministry of Foreign Affairs welcomes the agreement reached on the delimitation of the border, " +
        "and calls on both sides to implement it in good faith and without delay.</p>" +
        "<p>The Ministry stands ready to assist, as it has done throughout the negotiations, and will keep the public informed.</p></article>";

    private readonly StatementExtractor _extractor = new();

    private ExtractedStatement Extract(string head, string body = Body, string htmlAttributes = "") =>
        _extractor.Extract($"<!DOCTYPE html><html{htmlAttributes}><head>{head}</head><body>{body}</body></html>");

    [Fact]
    public void Extract_ArticlePublishedTimeMeta_IsThePublicationDate()
    {
        var statement = Extract("<meta property=\"article:published_time\" content=\"2023-07-25T14:30:00+04:00\">");
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 14, 30, 0, TimeSpan.FromHours(4)), statement.Published);
    }

    [Fact]
    public void Extract_TimeElement_IsThePublicationDate()
    {
        var statement = Extract("", "<time datetime=\"2022-11-03T09:00:00Z\">3 November</time>" + Body);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 9, 0, 0, TimeSpan.Zero), statement.Published);
    }

    [Fact]
    public void Extract_RussianDateLine_IsThePublicationDate()
    {
        var statement = Extract("", "<div class=\"news-date\">25 июля 2023 г., 14:05</div>" + Body);
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 14, 5, 0, TimeSpan.Zero), statement.Published);
    }

    [Fact]
    public void Extract_DateOnlyInBodyOpening_IsThePublicationDate()
    {
        var statement = Extract("", "<article><p>Baku, 16 avqust 2018. The Ministry of Foreign Affairs welcomes the agreement reached, and calls on all sides to implement it.</p></article>");
        Assert.Equal(new DateOnly(2018, 8, 16), DateOnly.FromDateTime(statement.Published!.Value.DateTime));
    }

    [Fact]
    public void Extract_NoDateAnywhere_PublishedIsNull()
    {
        Assert.Null(Extract("<title>Statement</title>").Published);
    }

    [Fact]
    public void Extract_HeadingConfirmedByDocumentTitle_IsTheTitle()
    {
        var statement = Extract("<title>Statement on the border agreement | Ministry of Foreign Affairs</title>",
            "<div class=\"logo\"><h1>Ministry of Foreign Affairs of the Republic</h1></div><h1>Statement on the border agreement</h1>" + Body);
        Assert.Equal("Statement on the border agreement", statement.Title);
    }

    [Fact]
    public void Extract_OgTitleWithSiteName_DropsTheSiteName()
    {
        var statement = Extract("<meta property=\"og:site_name\" content=\"Ministry\"><meta property=\"og:title\" content=\"Visit - Ministry\">");
        Assert.Equal("Visit", statement.Title);
    }

    [Theory]
    [InlineData(" lang=\"ru\"", "", "ru")]
    [InlineData(" lang=\"EN_us\"", "", "en-US")]
    [InlineData("", "<meta http-equiv=\"content-language\" content=\"fr\">", "fr")]
    [InlineData("", "<meta property=\"og:locale\" content=\"de_DE\">", "de-DE")]
    public void Extract_DeclaredLanguage_IsNormalised(string htmlAttributes, string head, string expected)
    {
        Assert.Equal(expected, Extract(head, Body, htmlAttributes).Language);
    }

    [Theory]
    [InlineData("Министерство иностранных дел России выражает глубокую обеспокоенность в связи с ситуацией и призывает стороны к сдержанности, а также к продолжению диалога по всем вопросам.", "ru")]
    [InlineData("Azərbaycan Respublikası Xarici İşlər Nazirliyi bu məsələ ilə bağlı bəyanat yayır və tərəfləri danışıqlar üçün həm də dialoqa dəvət edir, bu çox vacibdir.", "az")]
    [InlineData("Le ministère des Affaires étrangères salue la signature de l'accord et appelle les parties à poursuivre le dialogue dans un esprit constructif pour la paix.", "fr")]
    public void Extract_UndeclaredLanguage_IsGuessedFromTheText(string paragraph, string expected)
    {
        Assert.Equal(expected, Extract("", "<article><p>" + paragraph + "</p></article>").Language);
    }

    [Fact]
    public void Extract_AuthorMeta_IsTheAuthor()
    {
        Assert.Equal("Jane Smith", Extract("<meta name=\"author\" content=\"Jane Smith\">").Author);
    }

    [Fact]
    public void Extract_BylineElement_IsTheAuthorWithoutBy()
    {
        Assert.Equal("John Doe", Extract("", "<div class=\"byline\">By John Doe</div>" + Body).Author);
    }

    [Fact]
    public void Extract_SpeakerLineOpeningTheStatement_IsTheAuthor()
    {
        var statement = Extract("", "<article><p>Ned Price, Department Spokesperson</p>" + Body[9..]);
        Assert.Equal("Ned Price, Department Spokesperson", statement.Author);
    }

    [Theory]
    [InlineData("<p>No:069/18, Press release on the visit of the minister, which took place today in Baku.</p>", "069/18")]
    [InlineData("<p>№ 1234-07-2023. Заявление МИД России в связи с ситуацией, сложившейся в регионе.</p>", "1234-07-2023")]
    [InlineData("<p>Pressemitteilung Nr. 12/2023: Der Minister reist nach Genf, um an Gesprächen teilzunehmen.</p>", "12/2023")]
    public void Extract_PrintedDocumentNumber_IsFound(string firstParagraph, string expected)
    {
        var statement = Extract("", "<article>" + firstParagraph + Body[9..]);
        Assert.Equal(expected, statement.DocumentNumber);
    }

    [Fact]
    public void Extract_NoDocumentNumber_IsNull()
    {
        Assert.Null(Extract("").DocumentNumber);
    }

    [Fact]
    public void Extract_WordNoBeforeAPlainNumber_IsNotADocumentNumber()
    {
        var statement = Extract("", "<article><p>No 10 Downing Street said today that the Prime Minister will travel to Brussels, and will meet the leaders.</p>" + Body[9..]);
        Assert.Null(statement.DocumentNumber);
    }

    [Fact]
    public void Extract_NumeroSignBeforeAPlainNumber_IsADocumentNumber()
    {
        var statement = Extract("", "<article><p>№ 1520. Комментарий официального представителя МИД России по вопросу о переговорах.</p>" + Body[9..]);
        Assert.Equal("1520", statement.DocumentNumber);
    }

    [Fact]
    public void Extract_DateSelector_WinsOverMetadata()
    {
        var statement = _extractor.Extract(
            "<html><head><meta property=\"article:published_time\" content=\"2020-01-01\"></head><body>" +
            "<span class=\"when\">25.07.2023</span>" + Body + "</body></html>",
            null, new ExtractionSelectors(Date: "span.when"));
        Assert.Equal(new DateOnly(2023, 7, 25), DateOnly.FromDateTime(statement.Published!.Value.DateTime));
    }
}
