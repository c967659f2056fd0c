using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// <c>monitor check-source --url</c> on every way a ministry publishes (issue 20): an RSS 1.0 feed, an Atom 0.3 feed, an
/// RSS 2.0 feed whose items have only permalink guids, an Atom 1.0 feed with xml:base and relative links, a Google News
/// sitemap, and a site whose robots.txt announces a gzipped sitemap; three statements each, all found and extracted.
/// </summary>
public sealed partial class CheckSourceTests
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>Statement pages under <paramref name="folder"/>: "{folder} statement N" with a body of a few sentences.</summary>
    private void ServeStatements(string folder)
    {
        for (var n = 1; n <= 3; n++)
            _site.Set($"{folder}/{n}.html", $"""
                <html><head><title>{folder} statement {n}</title></head><body><nav><a href="/">Home</a></nav>
                <article><h1>{folder} statement {n}</h1><p>The Ministry of Foreign Affairs states its position on the peace treaty, number {n}.</p>
                <p>The delegations met in the capital and agreed to continue the border delimitation talks next month.</p></article></body></html>
                """);
    }

    private void ServeEveryDialect()
    {
        foreach (var folder in new[] { "rss10", "rss2guid", "atom10base", "gnews", "gz" }) ServeStatements(folder);

        _site.Set("dialects/rss10.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rdf:RDF xmlns:rdf="{Rdf}" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="{_site.BaseUrl}"><title>MFA (RSS 1.0)</title><link>{_site.BaseUrl}</link><description>d</description>
                <items><rdf:Seq>{string.Concat(Enumerable.Range(1, 3).Select(n => $"<rdf:li rdf:resource=\"{_site.UrlOf($"rss10/{n}.html")}\"/>"))}</rdf:Seq></items></channel>
              {string.Concat(Enumerable.Range(1, 3).Select(n => $"<item rdf:about=\"{_site.UrlOf($"rss10/{n}.html")}\"><title>rss10 statement {n}</title><link>{_site.UrlOf($"rss10/{n}.html")}</link><dc:date>2026-11-2{n}T10:00:00Z</dc:date></item>"))}
            </rdf:RDF>
            """, "application/rdf+xml");

        _site.Set("dialects/atom03.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>MFA (Atom 0.3)</title><modified>2026-11-30T10:00:00Z</modified>
              {string.Concat(Enumerable.Range(1, 3).Select(n => $"""
                <entry><title>atom03 statement {n}</title><link rel="alternate" type="text/html" href="{_site.UrlOf($"atom03/{n}.html")}"/>
                  <id>tag:mfa.example,2026:atom03-{n}</id><issued>2026-11-2{n}T10:00:00Z</issued><modified>2026-11-2{n}T11:00:00Z</modified>
                  <content type="text/html" mode="escaped">&lt;p&gt;The Ministry of Foreign Affairs comments on the peace treaty, Atom 0.3 statement {n}.&lt;/p&gt;&lt;p&gt;Consultations will continue in the coming weeks.&lt;/p&gt;</content></entry>
                """))}
            </feed>
            """, "application/atom+xml");

        _site.Set("dialects/rss2-guids.xml", $"""
            <rss version="2.0"><channel><title>MFA (permalink guids)</title>
              {string.Concat(Enumerable.Range(1, 3).Select(n => $"<item><title>rss2guid statement {n}</title><guid>{_site.UrlOf($"rss2guid/{n}.html")}</guid></item>"))}
            </channel></rss>
            """, "application/rss+xml");

        _site.Set("dialects/atom10-base.xml", $"""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="{_site.BaseUrl}"><title>MFA (Atom 1.0, xml:base)</title><id>urn:mfa</id><updated>2026-11-30T10:00:00Z</updated>
              {string.Concat(Enumerable.Range(1, 3).Select(n => $"<entry xml:base=\"atom10base/\"><title>atom10base statement {n}</title><link href=\"{n}.html\"/><id>urn:mfa:{n}</id><updated>2026-11-2{n}T10:00:00Z</updated></entry>"))}
            </feed>
            """, "application/atom+xml");

        _site.Set("dialects/news-sitemap.xml", NewsSitemap("gnews"), "application/xml");

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(NewsSitemap("gz")));
        _site.Set("sitemaps/news.xml.gz", gzipped.ToArray(), "application/gzip");
        _site.Set("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {_site.UrlOf("sitemaps/news.xml.gz")}\n", "text/plain");
    }

    /// <summary>A Google News sitemap of three statements published in the last hours (a sitemap source reads the last 30 days).</summary>
    private string NewsSitemap(string folder)
    {
        var now = DateTimeOffset.UtcNow;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              {string.Concat(Enumerable.Range(1, 3).Select(n => $"""
                <url><loc>{_site.UrlOf($"{folder}/{n}.html")}</loc><lastmod>{now.AddHours(-n):yyyy-MM-ddTHH:mm:ssZ}</lastmod>
                  <news:news><news:publication><news:name>MFA</news:name><news:language>en</news:language></news:publication>
                    <news:publication_date>{now.AddHours(-n):yyyy-MM-ddTHH:mm:ssZ}</news:publication_date><news:title>{folder} statement {n}</news:title></news:news></url>
                """))}
            </urlset>
            """;
    }

    [Theory]
    [InlineData("dialects/rss10.xml", "feed", "rss10")]
    [InlineData("dialects/atom03.xml", "feed", "atom03")]
    [InlineData("dialects/rss2-guids.xml", "feed", "rss2guid")]
    [InlineData("dialects/atom10-base.xml", "feed", "atom10base")]
    [InlineData("dialects/news-sitemap.xml", "sitemap", "gnews")]
    public async Task CheckSource_UrlOfEachDialect_FindsAndExtractsAllThreeStatements(string path, string kind, string folder)
    {
        var result = await MonitorAsync("check-source", "--url", _site.UrlOf(path).AbsoluteUri, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        AssertThreeStatements(JsonDocument.Parse(result.Stdout).RootElement, kind, folder);
    }

    [Fact]
    public async Task CheckSource_SiteRootWhoseRobotsTxtAnnouncesAGzippedSitemap_ChecksThatSitemap()
    {
        var result = await MonitorAsync("check-source", "--url", _site.BaseUrl.AbsoluteUri, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var check = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(_site.UrlOf("sitemaps/news.xml.gz").AbsoluteUri, Assert.Single(check.GetProperty("sitemaps").EnumerateArray()).GetString());
        AssertThreeStatements(check, "sitemap", "gz");
    }

    private static void AssertThreeStatements(JsonElement check, string kind, string folder)
    {
        Assert.Equal((kind, 3), (check.GetProperty("kind").GetString(), check.GetProperty("linksFound").GetInt32()));
        var statements = check.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(3, statements.Count);
        var titles = statements.Select(s => s.GetProperty("title").GetProperty("value").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal([$"{folder} statement 1", $"{folder} statement 2", $"{folder} statement 3"], titles);
        foreach (var statement in statements)
        {
            Assert.False(statement.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null, statement.ToString());
            var body = statement.GetProperty("body").GetProperty("value").GetString()!;
            Assert.True(int.Parse(body.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) > 80, $"{statement}: body {body}");
        }
    }
}
