using System.Text;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Fetching.Feeds;

namespace MinistryMonitor.Core.Tests.Fetching;

/// <summary>The feed dialects and habits ministries publish, each as a small feed.</summary>
public sealed class FeedDialectTests
{
    private static readonly Uri FeedUrl = new("https://mfa.example/feeds/news.xml");

    private static FeedDocument Read(string xml) => FeedReader.ReadFeed(Encoding.UTF8.GetBytes(xml), FeedUrl);

    [Fact]
    public void ReadFeed_Rss10RdfWithDcDates_ReadsItemsBesideTheChannel()
    {
        var feed = Read("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://mfa.example/"><title>MFA</title></channel>
              <item rdf:about="https://mfa.example/news/1"><title>One</title><link>https://mfa.example/news/1</link><dc:date>2026-11-30T10:00:00+04:00</dc:date></item>
              <item rdf:about="https://mfa.example/news/2"><title>Two</title></item>
            </rdf:RDF>
            """);

        Assert.Equal("rss10", feed.Dialect);
        Assert.Equal(["https://mfa.example/news/1", "https://mfa.example/news/2"], feed.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(4)), feed.Items[0].Published);
    }

    [Fact]
    public void ReadFeed_Atom03WithIssuedModifiedAndEscapedContent_ReadsTheLatestModifiedAndTheHtml()
    {
        var feed = Read("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <entry><title>Statement</title><link rel="alternate" type="text/html" href="https://mfa.example/s/1"/><id>tag:mfa,1</id>
                <issued>2026-11-01T09:00:00Z</issued><modified>2026-11-02T09:00:00Z</modified><modified>2026-11-03T09:00:00Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Text&lt;/p&gt;</content></entry>
            </feed>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal(("atom03", "tag:mfa,1", "<p>Text</p>"), (feed.Dialect, item.Key, item.ContentHtml));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), item.Updated);
    }

    [Fact]
    public void ReadFeed_Atom10WithXmlBaseAndBase64Content_ResolvesLinksAgainstTheBaseInForce()
    {
        var content = Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>See <a href=\"annex.pdf\">the annex</a></p>"));
        var feed = Read($"""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://mfa.example/en/">
              <entry xml:base="press/"><title>One</title><link href="2026/statement-1"/><id>urn:1</id><updated>2026-11-30T10:00:00Z</updated>
                <content type="application/octet-stream">{content}</content></entry>
            </feed>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal("https://mfa.example/en/press/2026/statement-1", item.Url.AbsoluteUri);
        Assert.Equal("<p>See <a href=\"https://mfa.example/en/press/annex.pdf\">the annex</a></p>", item.ContentHtml);
    }

    [Fact]
    public void ReadFeed_Rss2WithPermalinkGuidsOnly_TakesTheGuidAsTheLink()
    {
        var feed = Read("""
            <rss version="2.0"><channel>
              <item><title>One</title><guid>https://mfa.example/news/1</guid></item>
              <item><title>Two</title><guid isPermaLink="false">internal-2</guid></item>
            </channel></rss>
            """);

        Assert.Equal("https://mfa.example/news/1", Assert.Single(feed.Items).Url.AbsoluteUri);
        Assert.Equal(new SkippedEntry("internal-2", SkippedEntry.NoLink), Assert.Single(feed.Skipped));
    }

    [Fact]
    public void ReadFeed_Rss091WithNetscapeDoctypeAndHtmlEntities_ReadsTheEntities()
    {
        var feed = Read("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>MFA</title>
              <item><title>Minister&nbsp;&mdash; statement</title><link>https://mfa.example/1</link></item>
            </channel></rss>
            """);

        Assert.Equal("Minister\u00a0\u2014 statement", Assert.Single(feed.Items).Title);
        Assert.Equal("rss091", feed.Dialect);
    }

    [Fact]
    public void ReadFeed_InternalSubsetDeclaresAnEntity_ExpandsIt()
    {
        var feed = Read("""
            <!DOCTYPE rss [ <!ENTITY ministry "Ministry of Foreign Affairs"> ]>
            <rss version="2.0"><channel><item><title>&ministry; statement</title><link>https://mfa.example/1</link></item></channel></rss>
            """);

        Assert.Equal("Ministry of Foreign Affairs statement", Assert.Single(feed.Items).Title);
        Assert.False(feed.Repaired);
    }

    [Fact]
    public void ReadFeed_EntityExpansionBomb_IsRefusedNotExpanded()
    {
        var entities = new StringBuilder("<!ENTITY a0 \"laughlaughlaughlaugh\">");
        for (var i = 1; i <= 9; i++) entities.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">");
        var xml = $"<!DOCTYPE rss [ {entities} ]><rss><channel><item><title>&a9;</title><link>https://mfa.example/1</link></item></channel></rss>";

        var error = Assert.Throws<FeedFormatException>(() => Read(xml));

        Assert.Contains("entity expansion bomb", error.Message);
    }

    [Fact]
    public void ReadFeed_ExternalEntity_IsNeverFetchedOrExpanded()
    {
        var feed = Read("""
            <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <rss version="2.0"><channel><item><title>x&secret;y</title><link>https://mfa.example/1</link></item></channel></rss>
            """);

        Assert.DoesNotContain("root:", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void ReadFeed_JavascriptLinkAmongForty_SkipsItWithTheReason()
    {
        var items = string.Concat(Enumerable.Range(1, 40).Select(i => i == 17
            ? "<item><title>Bad</title><link>javascript:alert(1)</link></item>"
            : $"<item><title>S{i}</title><link>https://mfa.example/{i}</link></item>"));

        var feed = Read($"<rss version=\"2.0\"><channel>{items}</channel></rss>");

        Assert.Equal(39, feed.Items.Count);
        Assert.Equal(new SkippedEntry("javascript:alert(1)", "javascript: link"), Assert.Single(feed.Skipped));
        Assert.Equal("1: javascript: link", SkippedEntry.Summarize(feed.Skipped));
    }

    [Fact]
    public void ReadFeed_BareAmpersandsAndTruncatedEnd_RepairsAndKeepsTheItemsBeforeTheFault()
    {
        var feed = Read("""<rss version="2.0"><channel><item><title>Q&A</title><link>https://mfa.example/1?a=1&b=2</link></item><item><title>Cut""");

        Assert.True(feed.Repaired);
        var item = feed.Items[0];
        Assert.Equal(("Q&A", "https://mfa.example/1?a=1&b=2"), (item.Title, item.Url.AbsoluteUri));
    }
}
