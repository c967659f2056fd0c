using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MinistryMonitor.Cli.Demo;

/// <summary>
/// A real HTTP server (Kestrel) on a free loopback port serving pages that can change between cycles,
/// standing in for a ministry site in the demo and in tests.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notModified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private LoopbackSite(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new LoopbackSite(app);
        app.Run(site.ServeAsync);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.First() + "/");
        return site;
    }

    public Uri UrlOf(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Set(string path, string content, string contentType = "text/html; charset=utf-8") =>
        Set(path, Encoding.UTF8.GetBytes(content), contentType);

    public void Set(string path, byte[] content, string contentType) =>
        _pages[Normalize(path)] = new Page(content, contentType, StatusCodes.Status200OK);

    /// <summary>Makes a path answer with an error status, as a failing ministry site does.</summary>
    public void Fail(string path, int status) => _pages[Normalize(path)] = new Page([], "text/plain", status);

    public void Remove(string path) => _pages.TryRemove(Normalize(path), out _);

    /// <summary>Answers a path with custom behaviour (a server that misbehaves), instead of a stored page.</summary>
    public void Handle(string path, Func<HttpContext, Task> handler) => _handlers[Normalize(path)] = handler;

    public int HitsOf(string path) => _hits.GetValueOrDefault(Normalize(path));

    /// <summary>Requests for <paramref name="path"/> answered 304 because the client's ETag still matched.</summary>
    public int NotModifiedOf(string path) => _notModified.GetValueOrDefault(Normalize(path));

    private async Task ServeAsync(HttpContext context)
    {
        var path = Normalize(context.Request.Path.Value ?? "/");
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_handlers.TryGetValue(path, out var handler))
        {
            await handler(context);
            return;
        }
        if (!_pages.TryGetValue(path, out var page))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (page.Status == StatusCodes.Status200OK)
        {
            // As real sites do: an ETag per content, and 304 to a client that already has it.
            var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(page.Content))[..16] + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                _notModified.AddOrUpdate(path, 1, (_, n) => n + 1);
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        context.Response.StatusCode = page.Status;
        context.Response.ContentType = page.ContentType;
        await context.Response.Body.WriteAsync(page.Content);
    }

    private static string Normalize(string path) => "/" + path.TrimStart('/');

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Page(byte[] Content, string ContentType, int Status);
}
