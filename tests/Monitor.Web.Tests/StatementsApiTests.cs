using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MinistryMonitor.Web.Tests;

/// <summary>The JSON API over loopback Kestrel (monitor serve), on the archive the pipeline filled.</summary>
[Trait("Category", "Slow")]
public sealed class StatementsApiTests(WebArchiveFixture archive) : IClassFixture<WebArchiveFixture>
{
    private HttpClient Client() => new() { BaseAddress = archive.BaseAddress };

    [Fact]
    public async Task ListStatements_PageSizeOne_FollowsContinuationTokensThroughEveryStatementOnce()
    {
        using var client = Client();
        var ids = new List<string>();
        string? token = null;
        do
        {
            using var page = await GetJsonAsync(client, "api/statements?pageSize=1" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            var items = page.RootElement.GetProperty("items");
            Assert.True(items.GetArrayLength() <= 1);
            ids.AddRange(items.EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.RootElement.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(archive.Statements.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task ListStatements_FilterBySourceAndTopic_ReturnsTheListedFields()
    {
        using var client = Client();
        using var page = await GetJsonAsync(client, $"api/statements?source={WebArchive.RussianSource}&topic=lachin-corridor");

        var item = Assert.Single(page.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(WebArchive.EditedTitle, item.GetProperty("title").GetString());
        Assert.Equal(WebArchive.RussianSource, item.GetProperty("source").GetString());
        Assert.Equal(2, item.GetProperty("version").GetInt32());
        Assert.Equal("ru", item.GetProperty("language").GetString());
        Assert.Equal(["lachin-corridor"], item.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("http://127.0.0.1", item.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ListStatements_SearchInflectedWord_RanksHitsWithSnippetRanges()
    {
        using var client = Client();
        using var page = await GetJsonAsync(client, "api/statements?q=" + Uri.EscapeDataString("коридору"));

        var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
        var transport = Assert.Single(items, i => i.GetProperty("title").GetString() == WebArchive.TransportTitle);
        var snippet = transport.GetProperty("snippet");
        var range = snippet.GetProperty("highlights")[0];
        var marked = snippet.GetProperty("text").GetString()!.Substring(range.GetProperty("start").GetInt32(), range.GetProperty("length").GetInt32());
        Assert.Equal("коридор", marked, ignoreCase: true);
        Assert.DoesNotContain(items, i => i.GetProperty("source").GetString() == WebArchive.EnglishSource);
    }

    [Fact]
    public async Task GetStatement_Versions_TextAndDiffOfTheEdit()
    {
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
        using var client = Client();

        using var statement = await GetJsonAsync(client, $"api/statements/{source}/{id}");
        Assert.Equal([1, 2], statement.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));

        using var version = await GetJsonAsync(client, $"api/statements/{source}/{id}/versions/2");
        Assert.Contains(WebArchive.InsertedSentence, version.RootElement.GetProperty("text").GetString());

        using var diff = await GetJsonAsync(client, $"api/statements/{source}/{id}/versions/2/diff");
        var mention = Assert.Single(diff.RootElement.GetProperty("detection").GetProperty("newMentions").EnumerateArray());
        Assert.Equal("lachin-corridor", mention.GetProperty("topicId").GetString());
        Assert.Equal("Лачинскому коридору", mention.GetProperty("matchedText").GetString());
    }

    [Theory]
    [InlineData("api/statements/ru-mfa/no-such-statement")]
    [InlineData("api/statements/ru-mfa/no-such-statement/versions/1")]
    [InlineData("api/statements/ru-mfa/no-such-statement/versions/1/diff")]
    public async Task GetStatement_Unknown_Returns404ProblemDetails(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-statement", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("api/statements?since=yesterday", "since")]
    [InlineData("api/statements?continuationToken=forged", "continuationToken")]
    [InlineData("api/log?outcome=Exploded", "outcome")]
    [InlineData("api/alerts?since=2026-13-45", "since")]
    public async Task Listings_BadParameter_Return400NamingIt(string path, string parameter)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task OperatorListings_OnLoopback_ReturnHealthLogAndAlerts()
    {
        using var client = Client();
        using var sources = await GetJsonAsync(client, "api/sources");
        Assert.All(sources.RootElement.EnumerateArray(), s => Assert.Equal("ok", s.GetProperty("status").GetString()));

        using var failed = await GetJsonAsync(client, "api/log?outcome=http-error&source=" + WebArchive.EnglishSource);
        Assert.All(failed.RootElement.GetProperty("items").EnumerateArray(), e => Assert.Contains("broken.html", e.GetProperty("url").GetString()));
        Assert.NotEqual(0, failed.RootElement.GetProperty("items").GetArrayLength());

        using var alerts = await GetJsonAsync(client, "api/alerts?topic=lachin-corridor");
        var alert = Assert.Single(alerts.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(2, alert.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryEndpoint()
    {
        using var client = Client();
        using var document = await GetJsonAsync(client, "openapi/v1.json");
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "/api/statements", "/api/statements/{source}/{id}", "/api/statements/{source}/{id}/versions/{n}",
            "/api/statements/{source}/{id}/versions/{n}/diff", "/api/sources", "/api/log", "/api/alerts",
        }, paths);
    }

    [Theory]
    [InlineData("api/statements?until=0001-01-01", "until", "out of range")]
    [InlineData("api/statements?since=9999-12-31", "since", "out of range")]
    [InlineData("api/statements?since=2026-02-30", "since", "is not a date")]
    [InlineData("api/log?source=X&since=0001-01-01", "since", "out of range")]
    [InlineData("api/alerts?since=9999-12-31T23:59:59Z", "since", "out of range")]
    public async Task Api_DateOutOfRangeOrInvalid_Answers400ProblemDetailsNamingTheParameter(string path, string parameter, string problem)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(problem, body.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task Api_ParameterLongerThanAnId_Answers400InsteadOfQueryingStorage()
    {
        using var client = Client();
        using var response = await client.GetAsync("api/statements?source=" + new string('x', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 200", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?until=9999-12-31", "To: &#x27;9999-12-31&#x27; is out of range")]
    [InlineData("?since=0001-01-01", "From: &#x27;0001-01-01&#x27; is out of range")]
    [InlineData("?since=yesterday", "From: &#x27;yesterday&#x27; is not a date")]
    public async Task HomePage_DateOutOfRangeOrInvalid_Answers400WithTheFormAndWhatIsWrong(string query, string message)
    {
        using var client = Client();
        using var response = await client.GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, page);
        Assert.Contains("<form class=\"filters\"", page);
    }

    [Fact]
    public async Task StatementPage_Missing_Answers404WithTheNotFoundPage()
    {
        using var client = Client();
        using var response = await client.GetAsync($"statements/{WebArchive.RussianSource}/no-such-statement");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync());
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
        using var noVersion = await client.GetAsync($"statements/{source}/{id}?v=9");
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
    }

    [Theory]
    [InlineData("?v=abc", "v: &#x27;abc&#x27; is not a whole number")]
    [InlineData("?from=1&to=99999999999", "to: &#x27;99999999999&#x27; is not a whole number")]
    [InlineData("?v=0", "v: &#x27;0&#x27; is not a whole number from 1")]
    public async Task StatementPage_VersionNotANumber_Answers400SayingSo(string query, string message)
    {
        using var client = Client();
        var (source, id) = archive.Statement(WebArchive.EditedTitle);
        using var response = await client.GetAsync($"statements/{source}/{id}{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Document_ListsBadRequestAndNotFoundResponses()
    {
        using var client = Client();
        using var document = await GetJsonAsync(client, "openapi/v1.json");
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                Assert.True(responses.Contains("400"), $"{operation.Name} {path.Name} lists {string.Join(", ", responses)}");
                if (path.Name.Contains('{', StringComparison.Ordinal))
                    Assert.True(responses.Contains("404"), $"{operation.Name} {path.Name} lists {string.Join(", ", responses)}");
            }
        }
        var notFound = paths.GetProperty("/api/statements/{source}/{id}").GetProperty("get").GetProperty("responses").GetProperty("404");
        Assert.True(notFound.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Responses_AnyPath_CarryAStrictContentSecurityPolicy()
    {
        using var client = Client();
        foreach (var path in new[] { "", "api/statements", "css/site.css", "no-such-page" })
        {
            using var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
