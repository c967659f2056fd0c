using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Monitor.Core.Politeness;
using Monitor.Core.Sources;
using Monitor.Core.Storage;

namespace Monitor.Core.Fetching;

/// <summary>
/// GETs feeds and pages, politely and safely. Before a request: robots.txt of the host (cached), and a slot from the
/// per-host throttle. The request carries the source's User-Agent and headers, and for a conditional fetch the
/// stored ETag / Last-Modified. The HttpClient it is given carries the resilience pipeline (retries, timeouts, one
/// circuit breaker per host), automatic decompression and the network guard; this class turns whatever finally
/// happened into a <see cref="FetchedPage"/>: ok, not-modified, blocked, robots, an HTTP or network error, or
/// invalid content (too large once decompressed).
/// </summary>
public sealed class PageFetcher(
    HttpClient http,
    IValidatorStore validators,
    HostThrottle throttle,
    RobotsCache robots,
    PolitenessSettings politeness,
    FetchLimits limits,
    TimeProvider time,
    ILogger<PageFetcher> logger)
{
    /// <summary>Responses larger than this once decompressed are refused rather than read into memory without bound.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>Redirects followed for one request; a longer chain is reported as an error (a loop, usually).</summary>
    public const int MaxRedirects = 5;

    /// <summary>A plain fetch of a page (as <c>monitor extract URL</c> does).</summary>
    public Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken) =>
        FetchAsync(url, FetchPurpose.Page, null, conditional: false, cancellationToken);

    /// <param name="conditional">Send the stored ETag / Last-Modified of the URL; an unchanged resource then comes back as <see cref="IngestionOutcome.NotModified"/>.</param>
    public Task<FetchedPage> FetchAsync(Uri url, FetchPurpose purpose, SourceRequestSettings? source, bool conditional, CancellationToken cancellationToken) =>
        FetchAsync(url, purpose, source, conditional, pendingArchived: null, cancellationToken);

    /// <param name="conditional">Send the stored ETag / Last-Modified of the URL; an unchanged resource then comes back as <see cref="IngestionOutcome.NotModified"/>.</param>
    /// <param name="pendingArchived">
    /// Asked when the stored validators still have pending statements: only if it answers true are they sent (and kept
    /// as plain validators from then on); otherwise, or without it, the URL is fetched in full.
    /// </param>
    public async Task<FetchedPage> FetchAsync(Uri url, FetchPurpose purpose, SourceRequestSettings? source, bool conditional, PendingStatementsCheck? pendingArchived, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        FetchedPage Result(IngestionOutcome outcome, int? status, string? error, string? contentType = null, byte[]? content = null, Uri? finalUrl = null, HttpValidators? found = null) =>
            new(finalUrl ?? url, outcome, status, contentType, content ?? [], startedAt, clock.Elapsed, error, found, url);

        try
        {
            var rules = await robots.GetAsync(url, LoadRobotsAsync, cancellationToken);
            if (!rules.IsAllowed(url))
                return Result(IngestionOutcome.Robots, null, $"robots.txt of {url.Authority} disallows {url.PathAndQuery} ({rules.DecidingRule(url)}) for {politeness.ProductToken}");

            var known = conditional ? await TrustedValidatorsAsync(url, pendingArchived, cancellationToken) : null;
            using var slot = await throttle.EnterAsync(url, rules.CrawlDelay, cancellationToken);
            // The log shows when the request went out and how long it took, not the wait for the host's turn.
            startedAt = time.GetUtcNow();
            clock.Restart();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            AddHeaders(request, source, known);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.ToString();
            var finalUrl = response.RequestMessage?.RequestUri ?? url;

            if (response.StatusCode == HttpStatusCode.NotModified && known is not null)
                return Result(IngestionOutcome.NotModified, status, null, contentType, finalUrl: finalUrl, found: known);
            if (status is >= 300 and < 400)
                return Result(IngestionOutcome.HttpError, status, response.Headers.Location is null
                    ? $"HTTP {status} {response.ReasonPhrase} without a Location"
                    : $"HTTP {status} {response.ReasonPhrase}: more than {MaxRedirects} redirects (a redirect loop?), last to {response.Headers.Location}", contentType, finalUrl: finalUrl);
            if (!response.IsSuccessStatusCode)
            {
                var retryAfter = response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date - time.GetUtcNow()) : null;
                var blocked = ChallengeDetector.FromStatus(response.StatusCode, response.Headers.Server?.ToString(), retryAfter);
                return Result(blocked is null ? IngestionOutcome.HttpError : IngestionOutcome.Blocked, status,
                    blocked ?? $"HTTP {status} {response.ReasonPhrase}", contentType, finalUrl: finalUrl);
            }

            var content = await ReadLimitedAsync(response.Content, cancellationToken);
            var challenge = ChallengeDetector.FromContent(purpose, contentType, content);
            if (challenge is not null)
                return Result(IngestionOutcome.Blocked, status, challenge, contentType, content, finalUrl);
            var found = new HttpValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), time.GetUtcNow());
            return Result(IngestionOutcome.Ok, status, null, contentType, content, finalUrl, found.IsEmpty ? null : found);
        }
        catch (ResponseTooLargeException ex)
        {
            logger.LogDebug(ex, "Response from {Url} refused", url);
            return Result(IngestionOutcome.InvalidContent, null, ex.Message);
        }
        catch (HttpRequestException ex) when (Find<ForbiddenAddressException>(ex) is { } refused)
        {
            logger.LogWarning("Refused to fetch {Url}: {Reason}", url, refused.Message);
            return Result(IngestionOutcome.Refused, null, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            // The stage logs the outcome; the exception is kept for whoever turns on debug logging.
            logger.LogDebug(ex, "Fetching {Url} failed", url);
            return Result(IngestionOutcome.NetworkError, ex.StatusCode is HttpStatusCode s ? (int)s : null, Describe(ex));
        }
        catch (IOException ex)
        {
            // The connection was reset, or the body ended before its announced length.
            logger.LogDebug(ex, "Reading {Url} failed", url);
            return Result(IngestionOutcome.NetworkError, null, "the response was cut off: " + Describe(ex));
        }
        catch (Exception ex) when (ex is TaskCanceledException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Fetching {Url} timed out", url);
            return Result(IngestionOutcome.NetworkError, null, ex is TimeoutException ? "timed out: " + ex.Message : "timed out");
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            // Polly's timeout or an open circuit: the site is failing, and retrying now would not help.
            logger.LogDebug(ex, "Fetching {Url} rejected by the resilience pipeline", url);
            return Result(IngestionOutcome.NetworkError, null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>The spacing between two requests to the host of <paramref name="url"/>: the minimum delay, or its Crawl-delay if longer.</summary>
    public async Task<TimeSpan> SpacingForAsync(Uri url, CancellationToken cancellationToken)
    {
        var rules = await robots.GetAsync(url, LoadRobotsAsync, cancellationToken);
        return politeness.SpacingFor(rules.CrawlDelay);
    }

    /// <summary>Keeps the validators of a response whose content has been dealt with, for the next conditional fetch.</summary>
    public Task RememberAsync(FetchedPage page, CancellationToken cancellationToken) =>
        RememberAsync(page, [], cancellationToken);

    /// <summary>
    /// Keeps the validators of a response whose content has been dealt with except for <paramref name="pendingStatements"/>,
    /// the statements it listed that are queued but not archived yet: they are sent only once those are archived.
    /// </summary>
    public Task RememberAsync(FetchedPage page, IReadOnlyCollection<string> pendingStatements, CancellationToken cancellationToken) =>
        page is { Outcome: IngestionOutcome.Ok, Validators: { } found }
            ? validators.SetAsync(page.RequestedUrl ?? page.Url, found with { PendingStatements = [.. pendingStatements] }, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The stored validators of <paramref name="url"/> if they may be sent: plain ones, or pending ones whose statements are all archived now.</summary>
    private async Task<HttpValidators?> TrustedValidatorsAsync(Uri url, PendingStatementsCheck? pendingArchived, CancellationToken cancellationToken)
    {
        var known = await validators.GetAsync(url, cancellationToken);
        if (known is null || known.PendingStatements.Count == 0) return known;
        if (pendingArchived is null || !await pendingArchived(known.PendingStatements, cancellationToken))
        {
            // A statement the last read queued is not archived (still queued, or its fetch failed): a 304 would hide it.
            logger.LogDebug("Validators of {Url} wait for {Count} statements to be archived; fetching in full", url, known.PendingStatements.Count);
            return null;
        }
        // Everything the page listed is archived now: from here on the validators stand alone, and nobody checks again.
        var plain = known with { PendingStatements = [] };
        await validators.SetAsync(url, plain, cancellationToken);
        return plain;
    }

    private void AddHeaders(HttpRequestMessage request, SourceRequestSettings? source, HttpValidators? known)
    {
        if (source?.UserAgent is { } userAgent) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        foreach (var (name, value) in source?.Headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        if (known?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (known?.LastModified is { } lastModified) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
    }

    private async Task<(RobotsTxt, bool)> LoadRobotsAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(robotsUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            // RFC 9309 2.3.1: 4xx means no rules; 5xx means the site may be overloaded, so nothing may be crawled.
            if (status is >= 400 and < 500) return (RobotsTxt.AllowAll, false);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("robots.txt at {Url} answered HTTP {Status}; assuming everything is disallowed for now", robotsUrl, status);
                return (RobotsTxt.DisallowAll, true);
            }
            var bytes = await ReadLimitedAsync(response.Content, cancellationToken, RobotsTxt.MaxBytes, cut: true);
            var text = Decoding.TextDecoder.Decode(bytes, response.Content.Headers.ContentType?.ToString()).Text;
            return (RobotsTxt.Parse(text, politeness.ProductToken), false);
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException or Polly.ExecutionRejectedException or ResponseTooLargeException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                                   && Find<ForbiddenAddressException>(ex) is null)
        {
            // (A refused address is not a robots.txt problem: it propagates, and the fetch is logged as refused.)
            logger.LogWarning("robots.txt at {Url} could not be read ({Error}); assuming everything is disallowed for now", robotsUrl, Describe(ex));
            return (RobotsTxt.DisallowAll, true);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken, long? maxBytes = null, bool cut = false)
    {
        var max = maxBytes ?? limits.MaxBytes;
        // The resilience pipeline's timeouts end with the headers; the body gets its own.
        using var timeout = new CancellationTokenSource(limits.BodyTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(linked.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, linked.Token)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    if (cut)
                    {
                        buffer.Write(chunk, 0, (int)(max - buffer.Length));
                        break;
                    }
                    throw new ResponseTooLargeException($"the response is larger than {max / 1024} KB once decompressed (a decompression bomb, or not a statement)");
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the body did not arrive within {limits.BodyTimeout.TotalSeconds:0.#} s");
        }
    }

    private static T? Find<T>(Exception ex) where T : Exception
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException) parts.Add(e.Message);
        return string.Join(" → ", parts.Distinct());
    }

    private sealed class ResponseTooLargeException(string message) : Exception(message);
}
