using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace MinistryMonitor.Core.Tests.Fakes;

/// <summary>
/// A site in memory for the fetcher's <see cref="HttpClient"/>: pages with an ETag per content and 304 for a client
/// that already has it, as real sites do; no robots.txt. It records each request's path and If-None-Match.
/// </summary>
internal sealed class FakeSiteHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType, HttpStatusCode Status)> _pages = new(StringComparer.Ordinal);

    public static readonly Uri BaseUrl = new("https://mfa.example/");

    public ConcurrentQueue<(string Path, string? IfNoneMatch, HttpStatusCode Status, int BodyBytes)> Requests { get; } = new();

    public void Set(string path, string content, string contentType = "text/html; charset=utf-8") =>
        _pages[path] = (Encoding.UTF8.GetBytes(content), contentType, HttpStatusCode.OK);

    public void Set(string path, byte[] content, string contentType) => _pages[path] = (content, contentType, HttpStatusCode.OK);

    public void Fail(string path, HttpStatusCode status) => _pages[path] = ([], "text/plain", status);

    public IReadOnlyList<(string Path, string? IfNoneMatch, HttpStatusCode Status, int BodyBytes)> RequestsFor(string path) =>
        Requests.Where(r => r.Path == path).ToList();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var ifNoneMatch = request.Headers.TryGetValues("If-None-Match", out var values) ? string.Join(",", values) : null;
        if (path == "/robots.txt" || !_pages.TryGetValue(path, out var page))
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request, Content = new ByteArrayContent([]) });

        var response = new HttpResponseMessage(page.Status) { RequestMessage = request };
        if (page.Status == HttpStatusCode.OK)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(page.Content))[..16] + "\"";
            response.Headers.ETag = System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag);
            if (ifNoneMatch == etag)
            {
                response.StatusCode = HttpStatusCode.NotModified;
                response.Content = new ByteArrayContent([]);
                Requests.Enqueue((path, ifNoneMatch, HttpStatusCode.NotModified, 0));
                return Task.FromResult(response);
            }
        }
        response.Content = new ByteArrayContent(page.Content);
        response.Content.Headers.TryAddWithoutValidation("Content-Type", page.ContentType);
        Requests.Enqueue((path, ifNoneMatch, page.Status, page.Content.Length));
        return Task.FromResult(response);
    }
}
