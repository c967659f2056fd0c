using System.Text;
using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Core.Tests.Fetching;

public sealed class FeedReaderTests
{
    private static readonly Uri FeedUrl = new("https://ministry.example/feed/");

    [Fact]
    public void Read_RealStateDepartmentSnapshot_ReturnsTenItemsWithFullContent()
    {
        var feed = SharedData.ReadFeedSnapshot(SharedData.FeedSnapshot("0001"));

        var items = FeedReader.Read(feed, new Uri("https://www.state.gov/rss-feed/press-releases/feed/"));

        Assert.Equal(10, items.Count);
        var first = items[0];
        Assert.Equal("Yemen National Day", first.Title);
        Assert.Equal("https://www.state.gov/?page_id=245633", first.Key);
        Assert.Equal(new Uri("https://www.state.gov/yemen-national-day/"), first.Url);
        Assert.Equal(new DateTimeOffset(2021, 5, 22, 12, 0, 47, TimeSpan.Zero), first.Published);
        Assert.Equal("Antony J. Blinken, Secretary of State", first.Author);
        Assert.StartsWith("<p>Antony J. Blinken, Secretary of State</p>", first.ContentHtml);
        Assert.All(items, i => Assert.NotNull(i.ContentHtml));
    }

    [Fact]
    public void Read_AtomFeed_ReadsEntriesWithRelativeLinksAndHtmlContent()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>FCDO</title>
              <entry>
                <id>tag:gov.uk,2023:1</id>
                <title>Foreign Secretary statement</title>
                <link rel="alternate" href="/government/news/statement-1"/>
                <published>2023-07-25T10:00:00+01:00</published>
                <author><name>FCDO</name></author>
                <content type="html">&lt;p&gt;The peace treaty.&lt;/p&gt;</content>
              </entry>
              <entry>
                <id>tag:gov.uk,2023:2</id>
                <title>Summary only</title>
                <link href="https://www.gov.uk/government/news/statement-2"/>
                <updated>2023-07-26T10:00:00Z</updated>
                <summary>Short</summary>
              </entry>
            </feed>
            """;

        var items = FeedReader.Read(Encoding.UTF8.GetBytes(atom), new Uri("https://www.gov.uk/search/news.atom"));

        Assert.Equal(2, items.Count);
        Assert.Equal(("tag:gov.uk,2023:1", new Uri("https://www.gov.uk/government/news/statement-1")), (items[0].Key, items[0].Url));
        Assert.Equal("<p>The peace treaty.</p>", items[0].ContentHtml);
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 10, 0, 0, TimeSpan.FromHours(1)), items[0].Published);
        Assert.Equal("FCDO", items[0].Author);
        Assert.Null(items[1].ContentHtml);
    }

    [Fact]
    public void Read_RssWithoutGuidAndWithGmtDate_UsesLinkAsKeyAndParsesTheDate()
    {
        const string rss = """<rss version="2.0"><channel><item><title>T</title><link>news/1</link><pubDate>Tue, 25 Jul 2023 09:00:00 GMT</pubDate></item></channel></rss>""";

        var item = Assert.Single(FeedReader.Read(Encoding.UTF8.GetBytes(rss), FeedUrl));

        Assert.Equal("https://ministry.example/feed/news/1", item.Key);
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 9, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Null(item.ContentHtml);
    }

    [Theory]
    [InlineData("<html><body>Maintenance</body>", "root element <html> is neither RSS")]
    [InlineData("<?xml version=\"1.0\"?><urlset/>", "root element <urlset> is neither RSS")]
    [InlineData("", "not well-formed XML")]
    public void Read_NotAFeed_ThrowsFeedFormatExceptionSayingWhy(string content, string reason)
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedReader.Read(Encoding.UTF8.GetBytes(content), FeedUrl));

        Assert.Contains(reason, error.Message);
    }
}
