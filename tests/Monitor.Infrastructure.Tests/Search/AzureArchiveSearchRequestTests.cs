using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core.Pipeline;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Infrastructure.Search;

namespace MinistryMonitor.Infrastructure.Tests.Search;

/// <summary>
/// The Azure AI Search back end can't run here (no service, no emulator), so these unit tests check only what it
/// sends: requests recorded by the SDK's HTTP transport and answered with canned responses in the REST API's shape.
/// </summary>
public sealed class AzureArchiveSearchRequestTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    private static (AzureArchiveSearch Search, RecordingHandler Http) Create(int? indexedVersion = null, JsonObject? searchHit = null)
    {
        var http = new RecordingHandler(indexedVersion, searchHit);
        var client = new SearchIndexClient(new Uri("https://srch.search.windows.net"), new AzureKeyCredential("unused"),
            new SearchClientOptions { Transport = new HttpClientTransport(new HttpClient(http)), Retry = { MaxRetries = 0 } });
        return (new AzureArchiveSearch(client, "statements", NullLogger<AzureArchiveSearch>.Instance), http);
    }

    private static ArchiveDocument Doc(int version) => new("ru-mfa", "abc123", version, "О коридоре", "Движение по Лачинскому коридору.",
        new Uri("https://mfa.example/1"), March, "ru", ["lachin"], March);

    [Fact]
    public async Task IndexAsync_NewVersion_CreatesTheIndexOnceThenUploadsStemKeys()
    {
        var (search, http) = Create();

        await search.IndexAsync([Doc(2)], CancellationToken.None);
        await search.IndexAsync([Doc(3)], CancellationToken.None);

        Assert.Equal(["PUT /indexes('statements')", "POST /indexes('statements')/docs/search.post.search", "POST /indexes('statements')/docs/search.index",
            "POST /indexes('statements')/docs/search.post.search", "POST /indexes('statements')/docs/search.index"], http.Requests.Select(r => r.Line));
        var index = http.Requests[0].Body!;
        var fields = index["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!);
        Assert.Equal("whitespace", (string?)fields["textKeys"]!["analyzer"]);
        Assert.True((bool)fields["id"]!["key"]!);
        Assert.True((bool)fields["id"]!["filterable"]!); // the version lookup filters on it
        Assert.Contains("search.in(id, 'ru-mfa_abc123', ',')", (string)http.Requests[1].Body!["filter"]!);
        var uploaded = http.Requests[2].Body!["value"]![0]!;
        Assert.Equal(("mergeOrUpload", "ru-mfa_abc123", 2), ((string)uploaded["@search.action"]!, (string)uploaded["id"]!, (int)uploaded["version"]!));
        Assert.Contains("u:коридор", (string)uploaded["textKeys"]!);
        Assert.Contains("f:коридору", (string)uploaded["textKeys"]!);
        Assert.Equal(["lachin"], uploaded["topics"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public async Task IndexAsync_NewerVersionAlreadyIndexed_UploadsNothing()
    {
        var (search, http) = Create(indexedVersion: 3);

        await search.IndexAsync([Doc(2)], CancellationToken.None);

        Assert.DoesNotContain(http.Requests, r => r.Line.EndsWith("search.index", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_WordsAndFilters_SendsAFullLuceneQueryOverTheKeyFieldsAndSnippetsTheText()
    {
        var hit = new JsonObject
        {
            ["@search.score"] = 1.5, ["sourceId"] = "ru-mfa", ["statementId"] = "abc123", ["version"] = 2, ["title"] = "О коридоре",
            ["text"] = "Движение по Лачинскому коридору.", ["url"] = "https://mfa.example/1", ["published"] = "2026-03-12T09:00:00Z",
            ["language"] = "ru", ["topics"] = new JsonArray("lachin"),
        };
        var (search, http) = Create(searchHit: hit);

        var results = await search.SearchAsync(new StatementQuery { Text = "коридор Лачин", SourceId = "ru-mfa", TopicId = "it's", Since = March }, CancellationToken.None);

        var body = http.Requests.Single(r => r.Line.EndsWith("search.post.search", StringComparison.Ordinal)).Body!;
        Assert.Equal(@"(f\:коридор OR u\:коридор) AND (f\:лачин OR u\:лачин)", (string)body["search"]!);
        Assert.Equal(("full", "all", "titleKeys,textKeys", "title-first"),
            ((string)body["queryType"]!, (string)body["searchMode"]!, (string)body["searchFields"]!, (string)body["scoringProfile"]!));
        Assert.Equal("sourceId eq 'ru-mfa' and topics/any(t: t eq 'it''s') and listedAt ge 2026-03-12T09:00:00.0000000+00:00", (string)body["filter"]!);
        var found = Assert.Single(results.Hits);
        Assert.Equal(("abc123", 2, 1.5), (found.StatementId, found.Version, found.Score));
        Assert.Equal("коридору", found.Snippet.Text.Substring(found.Snippet.Highlights[0].Start, found.Snippet.Highlights[0].Length));
    }

    private sealed record Recorded(string Line, JsonNode? Body);

    /// <summary>Answers like the service: the index echoed back, a lookup with the given indexed version, a successful upload.</summary>
    private sealed class RecordingHandler(int? indexedVersion, JsonObject? searchHit) : HttpMessageHandler
    {
        public List<Recorded> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var text = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var body = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
            Requests.Add(new Recorded($"{request.Method} {Uri.UnescapeDataString(request.RequestUri!.AbsolutePath)}", body));
            var path = Uri.UnescapeDataString(request.RequestUri.AbsolutePath);
            var json = path switch
            {
                _ when request.Method == HttpMethod.Put => text!,
                _ when path.EndsWith("search.index", StringComparison.Ordinal) =>
                    """{"value":[{"key":"ru-mfa_abc123","status":true,"errorMessage":null,"statusCode":201}]}""",
                _ when body?["filter"]?.ToString().StartsWith("search.in", StringComparison.Ordinal) == true => indexedVersion is { } v
                    ? $$"""{"value":[{"@search.score":1,"id":"ru-mfa_abc123","version":{{v}}}]}"""
                    : """{"value":[]}""",
                _ => new JsonObject { ["@odata.count"] = searchHit is null ? 0 : 1, ["value"] = searchHit is null ? new JsonArray() : new JsonArray(searchHit.DeepClone()) }.ToJsonString(),
            };
            return new HttpResponseMessage(request.Method == HttpMethod.Put ? HttpStatusCode.Created : HttpStatusCode.OK)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
        }
    }
}
