using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Sources;

namespace MinistryMonitor.Core.Tests.Sources;

public sealed class SourceCatalogTests
{
    [Fact]
    public void Parse_TheFormsTheIssueGives_AcceptsFeedAndListingSources()
    {
        const string json = """
            { "sources": [
              { "id": "us-state-press", "name": "U.S. Department of State: press releases", "language": "en",
                "feed": "https://www.state.gov/rss-feed/press-releases/feed/" },
              { "id": "az-mfa-news", "name": "Azerbaijan MFA: press releases", "language": "az",
                "listing": { "url": "https://mfa.gov.az/az/category/metbuat-xidmetinin-xeberleri", "links": "a.news-link" },
                "selectors": { "title": "h1", "date": ".date", "body": ".news-content" } } ] }
            """;

        var sources = SourceCatalog.Parse(json, "sources.json");

        Assert.Equal(2, sources.Count);
        Assert.Equal(new Uri("https://www.state.gov/rss-feed/press-releases/feed/"), sources[0].Feed);
        Assert.Null(sources[0].Listing);
        Assert.Equal(SourceCatalog.DefaultInterval, sources[0].Interval);
        Assert.Equal("a.news-link", sources[1].Listing!.Links);
        Assert.Equal((".news-content", "h1", ".date"), (sources[1].Selectors.Body, sources[1].Selectors.Title, sources[1].Selectors.Date));
        Assert.Equal(sources[1].Listing!.Url, sources[1].DiscoveryUrl);
    }

    [Fact]
    public void Parse_SitemapSource_IsASitemapKindWithItsMaxAge()
    {
        const string json = """
            { "sources": [ { "id": "gov-news", "name": "Government news", "language": "en",
              "sitemap": "https://gov.example/news-sitemap.xml", "maxAgeDays": 7 } ] }
            """;

        var source = Assert.Single(SourceCatalog.Parse(json, "sources.json"));

        Assert.Equal(("sitemap", new Uri("https://gov.example/news-sitemap.xml"), TimeSpan.FromDays(7)), (source.Kind, source.DiscoveryUrl, source.MaxSitemapAge));
    }

    [Theory]
    [InlineData("""{ "sources": [ { "name": "x", "language": "en", "feed": "https://a.example/f" } ] }""", "#1", "id", "missing")]
    [InlineData("""{ "sources": [ { "id": "Bad Id", "name": "x", "language": "en", "feed": "https://a.example/f" } ] }""", "Bad Id", "id", "lower-case")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en" } ] }""", "a", "feed", "exactly one of")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f", "listing": { "url": "https://a.example/", "links": "a" } } ] }""", "a", "feed", "exactly one of")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f", "sitemap": "https://a.example/sitemap.xml" } ] }""", "a", "feed", "exactly one of")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "sitemap": "sitemap.xml" } ] }""", "a", "sitemap", "absolute http(s) URL")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "sitemap": "https://a.example/s.xml", "maxAgeDays": 0 } ] }""", "a", "maxAgeDays", "between 1 and 3650")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f", "maxAgeDays": 5 } ] }""", "a", "maxAgeDays", "only a sitemap source")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "ftp://a.example/f" } ] }""", "a", "feed", "absolute http(s) URL")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "listing": { "url": "https://a.example/", "links": "a[[" } } ] }""", "a", "listing.links", "not a valid CSS selector")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "listing": { "url": "https://a.example/" } } ] }""", "a", "listing.links", "missing")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f", "selectors": { "body": "..." } } ] }""", "a", "selectors.body", "not a valid CSS selector")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f", "intervalMinutes": 0 } ] }""", "a", "intervalMinutes", "between 1 and 10080")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f", "catchUpPages": 0 } ] }""", "a", "catchUpPages", "between 1 (no catch-up) and 50")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "listing": { "url": "https://a.example/", "links": "a", "next": "a[[" } } ] }""", "a", "listing.next", "not a valid CSS selector")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f", "recheckHours": -1 } ] }""", "a", "recheckHours", "between 0 and 2160")]
    [InlineData("""{ "sources": [ { "id": "a", "name": 5, "language": "en", "feed": "https://a.example/f" } ] }""", "a", "name", "expected a string")]
    [InlineData("""{ "sources": [ { "id": "a", "name": "x", "language": "en", "feed": "https://a.example/f" }, { "id": "a", "name": "y", "language": "en", "feed": "https://b.example/f" } ] }""", "a", "id", "duplicate")]
    public void Parse_InvalidSource_NamesFileEntryAndField(string json, string entry, string field, string problem)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SourceCatalog.Parse(json, "conf/sources.json"));

        Assert.Equal(("conf/sources.json", entry, field), (error.File, error.EntryId, error.Field));
        Assert.Contains(problem, error.Message);
        Assert.StartsWith("conf/sources.json: entry '" + entry + "', field '" + field + "'", error.Message);
    }

    [Fact]
    public void Parse_BrokenJson_ReportsTheLine()
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SourceCatalog.Parse("{\n  \"sources\": [\n    { \"id\": \"a\" \n  ]\n}", "sources.json"));

        Assert.Contains("not valid JSON (line 4)", error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SourceCatalog.Load("/nonexistent/sources.json"));

        Assert.Equal("/nonexistent/sources.json: file not found", error.Message);
    }
}
