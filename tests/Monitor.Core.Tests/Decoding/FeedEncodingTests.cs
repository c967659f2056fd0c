using System.Text;
using MinistryMonitor.Core.Decoding;
using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Core.Tests.Decoding;

/// <summary>The feed and listing readers go through the one decoder: real legacy-encoded feeds give Cyrillic and Turkish items.</summary>
public sealed class FeedEncodingTests
{
    private static readonly Uri FeedUrl = new("http://127.0.0.1/feed");

    [Theory]
    [InlineData("windows-1251-russian/aif.ru.health.xml", null, "Как пережить новогоднюю ночь")]
    [InlineData("KOI8-R/aif.ru.health.xml", null, "Как пережить новогоднюю ночь")]
    [InlineData("KOI8-R/aif.ru.health.xml", "text/xml; charset=koi8-r", "Как пережить новогоднюю ночь")]
    [InlineData("windows-1251-russian/aviaport.ru.xml", null, "Найдены тела двух погибших в авиакатастрофе под Харьковом")]
    [InlineData("KOI8-R/aviaport.ru.xml", null, "Найдены тела двух погибших в авиакатастрофе под Харьковом")]
    [InlineData("iso-8859-9-turkish/divxplanet.com.xml", null, "Arctic Air English 1 CD altyazısı")]
    public void Read_LegacyEncodedFeedDeclaringItsEncoding_ItemsAreCorrectUnicode(string file, string? contentType, string firstTitle)
    {
        var items = FeedReader.Read(EncodingCorpus.Read(file), FeedUrl, contentType);

        Assert.Equal(firstTitle, items[0].Title);
        Assert.All(items, i => Assert.DoesNotContain('\uFFFD', i.Title ?? string.Empty));
    }

    [Theory]
    [InlineData("windows-1251-russian/aviaport.ru.xml", "windows-1251")]
    [InlineData("KOI8-R/aviaport.ru.xml", "koi8-r")]
    public void Read_RussianFeedWithCharsetOnlyInTheHeader_ReadsEveryItemInCyrillic(string file, string encoding)
    {
        var bytes = EncodingCorpus.WithoutDeclaredEncoding(EncodingCorpus.Read(file));

        var items = FeedReader.Read(bytes, FeedUrl, $"application/rss+xml; charset={encoding}");

        Assert.Equal(30, items.Count);
        Assert.Equal("Найдены тела двух погибших в авиакатастрофе под Харьковом", items[0].Title);
        Assert.All(items, i => Assert.Matches("[А-Яа-я]", i.Title));
    }

    [Fact]
    public void Read_Koi8rFeedWithoutAnyCharset_ReadsWithTheSourceLanguage()
    {
        var bytes = EncodingCorpus.WithoutDeclaredEncoding(EncodingCorpus.Read("KOI8-R/aif.ru.health.xml"));

        var items = FeedReader.Read(bytes, FeedUrl, "application/xml", language: "ru");

        Assert.Equal("Как пережить новогоднюю ночь", items[0].Title);
    }

    [Fact]
    public void Read_ListingInWindows1251DeclaredOnlyInTheHeader_KeepsCyrillicLinks()
    {
        CodePages.Register();
        var bytes = Encoding.GetEncoding(1251).GetBytes("<html><body><a class='n' href='/новости/1'>Заявление</a></body></html>");

        var links = ListingReader.Read(bytes, new Uri("https://mid.example/"), "a.n", "text/html; charset=windows-1251");

        Assert.Equal("/новости/1", Uri.UnescapeDataString(Assert.Single(links).AbsolutePath));
    }
}
