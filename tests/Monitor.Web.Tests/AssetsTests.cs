using System.Net;
using System.Text.Json;

namespace MinistryMonitor.Web.Tests;

/// <summary>The favicon (so browsers get no 404) and the web app manifest, served with their content types and linked from every page.</summary>
[Trait("Category", "Slow")]
public sealed class AssetsTests(WebArchiveFixture archive) : IClassFixture<WebArchiveFixture>
{
    [Theory]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("favicon.svg", "image/svg+xml")]
    [InlineData("manifest.webmanifest", "application/manifest+json")]
    [InlineData("css/site.css", "text/css")]
    public async Task Asset_Requested_ServedWithItsContentType(string path, string contentType)
    {
        using var client = new HttpClient { BaseAddress = archive.BaseAddress };
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task FaviconIco_Requested_IsAnIconFile()
    {
        using var client = new HttpClient { BaseAddress = archive.BaseAddress };
        var bytes = await client.GetByteArrayAsync("favicon.ico");
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    [Fact]
    public async Task Manifest_Requested_NamesTheAppAndIconsThatAreServed()
    {
        using var client = new HttpClient { BaseAddress = archive.BaseAddress };
        using var manifest = JsonDocument.Parse(await client.GetStringAsync("manifest.webmanifest"));
        Assert.Equal("Ministry Monitor", manifest.RootElement.GetProperty("name").GetString());
        Assert.Equal("/", manifest.RootElement.GetProperty("start_url").GetString());
        foreach (var icon in manifest.RootElement.GetProperty("icons").EnumerateArray())
        {
            using var response = await client.GetAsync(icon.GetProperty("src").GetString()!.TrimStart('/'));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(icon.GetProperty("type").GetString(), response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("log")]
    [InlineData("subscribe")]
    public async Task Page_Served_LinksTheIconsAndTheManifest(string path)
    {
        using var client = new HttpClient { BaseAddress = archive.BaseAddress };
        var html = await client.GetStringAsync(path);
        Assert.Matches("<link rel=\"manifest\" href=\"manifest.webmanifest\"\\s*/?>", html);
        Assert.Matches("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg\\+xml\"\\s*/?>", html);
        Assert.Matches("<link rel=\"icon\" href=\"favicon.ico\" sizes=\"32x32\"\\s*/?>", html);
    }
}
