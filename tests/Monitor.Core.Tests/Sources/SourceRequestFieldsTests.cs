using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Sources;

namespace MinistryMonitor.Core.Tests.Sources;

public sealed class SourceRequestFieldsTests
{
    private static Source Parse(string fields) => SourceCatalog.Parse(
        $$"""{ "sources": [ { "id": "mid", "name": "MID", "language": "ru", "listing": { "url": "https://mid.ru/ru/news/", "links": "a" } {{fields}} } ] }""",
        "sources.json")[0];

    [Fact]
    public void Parse_UserAgentHeadersAndAllowedHosts_AreKept()
    {
        var source = Parse(""", "userAgent": "Mozilla/5.0 (compatible; MinistryMonitor)", "headers": { "Accept-Language": "ru" }, "allowedHosts": ["static.mid.ru", "*.kremlin.ru"]""");

        Assert.Equal("Mozilla/5.0 (compatible; MinistryMonitor)", source.RequestSettings.UserAgent);
        Assert.Equal("ru", source.RequestSettings.Headers["accept-language"]);
        Assert.Equal(["static.mid.ru", "*.kremlin.ru"], source.RequestSettings.AllowedHosts);
    }

    [Theory]
    [InlineData("https://mid.ru/ru/press/1", true)]
    [InlineData("https://www.mid.ru/ru/press/1", true)]
    [InlineData("https://static.mid.ru/a", true)]
    [InlineData("https://en.kremlin.ru/a", true)]
    [InlineData("https://kremlin.ru/a", true)]
    [InlineData("https://evil.example/a", false)]
    [InlineData("https://mid.ru.evil.example/a", false)]
    [InlineData("http://169.254.169.254/latest/meta-data/", false)]
    public void AllowsLink_OnlyTheListingsSiteAndTheAllowedHosts(string link, bool allowed)
    {
        var source = Parse(""", "allowedHosts": ["static.mid.ru", "*.kremlin.ru"]""");

        Assert.Equal(allowed, source.RequestSettings.AllowsLink(source.Listing!.Url, new Uri(link)));
    }

    [Fact]
    public void AllowsLink_NoAllowedHosts_OnlyTheSameSite()
    {
        var source = Parse(string.Empty);

        Assert.Same(SourceRequestSettings.None, source.RequestSettings);
        Assert.False(source.RequestSettings.AllowsLink(source.Listing!.Url, new Uri("https://static.mid.ru/a")));
    }

    [Theory]
    [InlineData(""", "headers": { "If-None-Match": "x" }""", "headers.If-None-Match", "set by the fetcher")]
    [InlineData(""", "headers": { "User-Agent": "x" }""", "headers.User-Agent", "\"userAgent\"")]
    [InlineData(""", "headers": { "Bad Name": "x" }""", "headers.Bad Name", "not a valid HTTP header name")]
    [InlineData(""", "headers": { "X-A": 1 }""", "headers.X-A", "expected a string")]
    [InlineData(""", "headers": ["x"]""", "headers", "expected an object")]
    [InlineData(""", "allowedHosts": "mid.ru" """, "allowedHosts", "expected an array")]
    [InlineData(""", "allowedHosts": ["http://x/"]""", "allowedHosts", "is not a host name")]
    [InlineData(""", "userAgent": "a\nb" """, "userAgent", "control characters")]
    public void Parse_BadRequestField_NamesTheField(string fields, string field, string problem)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => Parse(fields));

        Assert.Contains($"'{field}'", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
