using System.IO.Compression;
using System.Text;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Fetching.Feeds;
using MinistryMonitor.Core.Politeness;

namespace MinistryMonitor.Core.Tests.Fetching;

public sealed class SitemapReaderTests
{
    private static readonly Uri SitemapUrl = new("https://mfa.example/sitemap.xml");

    [Fact]
    public void Read_GoogleNewsSitemap_ReadsLocLastmodAndTheNewsFields()
    {
        var xml = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://mfa.example/en/news/1</loc><lastmod>2026-11-30T10:00:00+03:00</lastmod>
                <news:news><news:publication><news:name>MFA</news:name><news:language>ru</news:language></news:publication>
                  <news:publication_date>2026-11-30T09:00:00+03:00</news:publication_date><news:title>Заявление МИД</news:title></news:news></url>
              <url><loc>javascript:alert(1)</loc></url>
            </urlset>
            """;

        var sitemap = SitemapReader.Read(Encoding.UTF8.GetBytes(xml), SitemapUrl);

        var entry = Assert.Single(sitemap.Entries);
        Assert.Equal(new SitemapEntry(new Uri("https://mfa.example/en/news/1"), new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(3)), "Заявление МИД",
            new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(3)), "ru"), entry);
        Assert.Equal(new SkippedEntry("javascript:alert(1)", "javascript: link"), Assert.Single(sitemap.Skipped));
    }

    [Fact]
    public void Read_GzippedSitemapIndexServedAsOctetStream_IsRecognisedByItsBytes()
    {
        var bytes = Gzip("""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-2026-11.xml</loc><lastmod>2026-11-30</lastmod></sitemap></sitemapindex>""");

        Assert.True(SitemapReader.LooksLikeSitemap(bytes));
        var sitemap = SitemapReader.Read(bytes, SitemapUrl);

        Assert.True(sitemap.IsIndex);
        Assert.Equal("https://mfa.example/sitemap-2026-11.xml", Assert.Single(sitemap.ChildSitemaps).Url.AbsoluteUri);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Read_GzipBombBeyondTheProtocolsSize_IsRefused()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            gzip.Write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><!--"u8);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 60; i++) gzip.Write(spaces);
        }

        var error = Assert.Throws<FeedFormatException>(() => SitemapReader.Read(buffer.ToArray(), SitemapUrl));

        Assert.Contains("once decompressed", error.Message);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Read_FiftyThousandUrls_ReadsThemInLinearTime()
    {
        var xml = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (var i = 0; i < SitemapReader.MaxEntries + 10; i++) xml.Append($"<url><loc>https://mfa.example/n/{i}</loc><lastmod>2026-11-30</lastmod></url>");
        var bytes = Encoding.UTF8.GetBytes(xml.Append("</urlset>").ToString());

        var started = System.Diagnostics.Stopwatch.StartNew();
        var sitemap = SitemapReader.Read(bytes, SitemapUrl);

        Assert.Equal(SitemapReader.MaxEntries, sitemap.Entries.Count);
        Assert.Equal("beyond the sitemap protocol's 50,000 URLs", Assert.Single(sitemap.Skipped).Reason);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel/></rss>", "neither a sitemap")]
    [InlineData("not xml at all", "not well-formed XML")]
    public void Read_NotASitemap_ThrowsSayingWhy(string content, string reason)
    {
        var error = Assert.Throws<FeedFormatException>(() => SitemapReader.Read(Encoding.UTF8.GetBytes(content), SitemapUrl));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void RobotsSitemaps_SitemapLinesAnywhere_AreFoundResolvedAndDeduplicated()
    {
        const string robots = "User-agent: *\nDisallow: /search\n\nsitemap: https://mfa.example/sitemap.xml # main\nSITEMAP:/news-sitemap.xml\nSitemap: https://mfa.example/sitemap.xml\nSitemap: ftp://x/y\n";

        var found = RobotsSitemaps.Find(robots, new Uri("https://mfa.example/robots.txt"));

        Assert.Equal(["https://mfa.example/sitemap.xml", "https://mfa.example/news-sitemap.xml"], found.Select(u => u.AbsoluteUri));
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }
}
