using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

/// <summary>Real pages recorded from ministry sites (../shared/corpora/ministry-pages), read through the byte overload.</summary>
public sealed class MinistryPagesTests
{
    private readonly StatementExtractor _extractor = new();

    private ExtractedStatement ExtractFile(params string[] path)
    {
        using var stream = File.OpenRead(SharedData.PathOf(["corpora", "ministry-pages", .. path]));
        return _extractor.Extract(stream, contentType: null);
    }

    [Fact]
    public void Extract_GovUkNewsStory_ReturnsTitleDateAndBodyWithoutChrome()
    {
        var statement = ExtractFile("gov.uk", "fco-news-2012-brits-hospitalised-abroad.html");

        Assert.Equal("10 Brits hospitalised abroad every day according to Foreign Office figures", statement.Title);
        Assert.Equal(new DateOnly(2012, 7, 19), DateOnly.FromDateTime(statement.Published!.Value.DateTime));
        Assert.Equal("en", statement.Language);
        Assert.Equal(StatementExtractor.GenericMethod, statement.Method);
        Assert.StartsWith("The Foreign Office’s annual British Behaviour Abroad report", statement.Text, StringComparison.Ordinal);
        Assert.Contains("Minister for Consular Services Jeremy Browne said:", statement.Text, StringComparison.Ordinal);
        Assert.EndsWith("emergency travel documents issued to people who had lost their passports or had them stolen", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("uses cookies", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip to main content", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("How government works", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("_gaq", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GovUkNewsStory_KeepsParagraphBreaks()
    {
        var statement = ExtractFile("gov.uk", "fco-news-2012-brits-hospitalised-abroad.html");
        var paragraphs = statement.Text.Split("\n\n");

        Assert.True(paragraphs.Length >= 10, $"only {paragraphs.Length} paragraphs");
        Assert.Contains("Get comprehensive travel insurance - and read the small print!", paragraphs);
        Assert.All(paragraphs, p => Assert.Equal(p.Trim(), p));
        Assert.DoesNotContain("\n\n\n", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_AzerbaijaniHomepageWithStrayCharsetAttribute_DecodesUtf8AndReadsDateAndNumber()
    {
        var statement = ExtractFile("mfa.gov.az", "mfa-gov-az-homepage-az-2018.html");

        Assert.Equal("AZƏRBAYCAN RESPUBLİKASI XARİCİ İŞLƏR NAZİRLİYİ", statement.Title);
        Assert.Contains("Xarici işlər naziri Elmar Məmmədyarov Paraqvay Senatının sədrini qəbul edib", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', statement.Text);
        Assert.DoesNotContain('\r', statement.Text);
        Assert.Equal(new DateOnly(2018, 3, 16), DateOnly.FromDateTime(statement.Published!.Value.DateTime));
        Assert.Equal("069/18", statement.DocumentNumber);
        Assert.Equal("az", statement.Language);
    }

    [Fact]
    public void Extract_AzerbaijaniHomepageAsMisdecodedLatin1_WouldShowMojibake()
    {
        // Guards the test above: read with the wrong encoding the title cannot match.
        var bytes = File.ReadAllBytes(SharedData.PathOf("corpora", "ministry-pages", "mfa.gov.az", "mfa-gov-az-homepage-az-2018.html"));
        var wrong = _extractor.Extract(System.Text.Encoding.Latin1.GetString(bytes));
        Assert.NotEqual("AZƏRBAYCAN RESPUBLİKASI XARİCİ İŞLƏR NAZİRLİYİ", wrong.Title);
    }

    [Fact]
    public void Extract_StateDepartmentReport_ReturnsTheLongReportBody()
    {
        var statement = ExtractFile("state.gov", "hrr-2024-armenia.html");

        Assert.Equal("Armenia", statement.Title);
        Assert.Equal("en-US", statement.Language);
        Assert.Equal(new DateOnly(2025, 8, 12), DateOnly.FromDateTime(statement.Published!.Value.UtcDateTime));
        Assert.StartsWith("EXECUTIVE SUMMARY", statement.Text, StringComparison.Ordinal);
        Assert.Contains("The government increased the legal age for marriage to 18", statement.Text, StringComparison.Ordinal);
        Assert.Contains("a. Extrajudicial Killings", statement.Text, StringComparison.Ordinal);
        Assert.True(statement.Text.Length > 20_000, $"only {statement.Text.Length} characters");
    }

    [Fact]
    public void Extract_OldStateDepartmentDirectory_ReturnsTitleWithoutCrashing()
    {
        var statement = ExtractFile("state.gov", "socialmedia-directory.html");

        Assert.Equal("Global Social Media Presence", statement.Title);
        Assert.Equal("en", statement.Language);
        Assert.False(string.IsNullOrWhiteSpace(statement.Text));
    }

    [Fact]
    public void Extract_GovUkOrganisationListing_ReturnsLatestNewsWithDates()
    {
        var statement = ExtractFile("gov.uk", "fco-organisation-page-2012.html");

        Assert.Equal("Foreign & Commonwealth Office", statement.Title);
        Assert.Contains("Iranian investigation into the death of the blogger", statement.Text, StringComparison.Ordinal);
        Assert.Equal(2012, statement.Published!.Value.Year);
        Assert.Equal(12, statement.Published.Value.Month);
    }

    [Fact]
    public void Extract_GovUkNewsStoryWithBodySelector_UsesTheSelector()
    {
        var html = File.ReadAllText(SharedData.PathOf("corpora", "ministry-pages", "gov.uk", "fco-news-2012-brits-hospitalised-abroad.html"));
        var statement = _extractor.Extract(html, null, new ExtractionSelectors(Title: "h1", Body: "h1"));

        Assert.Equal(StatementExtractor.SelectorsMethod, statement.Method);
        Assert.Contains("10 Brits hospitalised abroad", statement.Text, StringComparison.Ordinal);
        Assert.Contains("10 Brits hospitalised abroad", statement.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GovUkNewsStoryWithUnmatchedSelector_FallsBackToGeneric()
    {
        var html = File.ReadAllText(SharedData.PathOf("corpora", "ministry-pages", "gov.uk", "fco-news-2012-brits-hospitalised-abroad.html"));
        var statement = _extractor.Extract(html, null, new ExtractionSelectors(Body: "div.no-such-class"));

        Assert.Equal(StatementExtractor.GenericMethod, statement.Method);
        Assert.Contains("British Behaviour Abroad report", statement.Text, StringComparison.Ordinal);
    }
}
