using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Politeness;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Fetching;

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

    /// <summary>Redirects followed for one request (only to http and https); a longer chain is reported as an error (a loop, usually).</summary>
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
        var current = url;
        FetchedPage Result(IngestionOutcome outcome, int? status, string? error, string? contentType = null, byte[]? content = null, HttpValidators? found = null, DateTimeOffset? retryAt = null) =>
            new(current, outcome, status, contentType, content ?? [], startedAt, clock.Elapsed, error, found, url, retryAt);
        // A failure thrown at a redirect's target says where it came from (the log row shows the target).
        FetchedPage Failed(IngestionOutcome outcome, string error, int? status = null) =>
            Result(outcome, status, current == url ? error : $"{error} (redirected from {url})");
        // The host answered 429 or 503 with Retry-After to an earlier request: no request until then, and no waiting either.
        FetchedPage Deferred(DateTimeOffset until, string via) =>
            Result(IngestionOutcome.HttpError, null, $"not fetched{via}: {current.Authority} asked to be left alone until {until:u} (Retry-After)", retryAt: until);

        if (!Redirects.IsHttp(url))
            return Result(IngestionOutcome.Refused, null, $"{url.Scheme}: URLs are not fetched: only http and https");

        IDisposable? slot = null;
        string? slotHost = null;
        try
        {
            HttpValidators? known = null;
            // Redirects are followed here, not in the handler, so that each hop is checked like the first: its scheme,
            // its host's robots.txt and Retry-After, its host's turn; the network guard checks each new connection.
            for (var hop = 0; ; hop++)
            {
                var via = hop == 0 ? string.Empty : $" (redirected from {url})";
                if (throttle.DeferredUntil(current) is { } deferred) return Deferred(deferred, via);

                var robotsAnswer = await robots.GetAsync(current, LoadRobotsAsync, cancellationToken);
                if (robotsAnswer.Failure is { } failure)
                {
                    // RFC 9309 2.3.1.4: while robots.txt is unreachable nothing is fetched from the host. Said as what it is: an HTTP
                    // error with robots.txt's status and when it is tried again, or a network error (a name that does not resolve …).
                    var error = $"robots.txt of {current.Authority} is unreachable ({failure.Reason}); nothing is fetched from the host before {robotsAnswer.Expires:u} (RFC 9309 2.3.1.4){via}";
                    return failure.NetworkError
                        ? Result(IngestionOutcome.NetworkError, null, error)
                        : Result(IngestionOutcome.HttpError, failure.HttpStatus, error, retryAt: robotsAnswer.Expires);
                }
                var rules = robotsAnswer.Rules;
                if (!rules.IsAllowed(current))
                    return Result(IngestionOutcome.Robots, null, $"robots.txt of {current.Authority} disallows {current.PathAndQuery} ({rules.DecidingRule(current)}) for {politeness.ProductToken}{via}");

                if (hop == 0 && conditional) known = await TrustedValidatorsAsync(url, pendingArchived, cancellationToken);
                var hostKey = PolitenessSettings.HostKey(current);
                if (hostKey != slotHost)
                {
                    slot?.Dispose();
                    slot = null;
                    slot = await throttle.EnterAsync(current, rules.CrawlDelay, cancellationToken);
                    slotHost = hostKey;
                    // The request before this one, while this one waited for its turn, may have been told to come back later.
                    if (throttle.DeferredUntil(current) is { } deferredMeanwhile) return Deferred(deferredMeanwhile, via);
                }
                // The log shows when the request went out and how long it took, not the wait for the host's turn.
                if (hop == 0)
                {
                    startedAt = time.GetUtcNow();
                    clock.Restart();
                }
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                AddHeaders(request, source, known);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.ToString();

                if (response.StatusCode == HttpStatusCode.NotModified && known is not null)
                    return Result(IngestionOutcome.NotModified, status, null, contentType, found: known);
                if (Redirects.IsRedirect(status))
                {
                    var (target, problem) = Redirects.Target(current, response);
                    if (problem is not null)
                    {
                        logger.LogWarning("Refused to follow a redirect from {Url}: {Reason}", current, problem);
                        return Result(IngestionOutcome.Refused, status, problem, contentType);
                    }
                    if (target is null)
                        return Result(IngestionOutcome.HttpError, status, $"HTTP {status} {response.ReasonPhrase} without a Location", contentType);
                    if (hop == MaxRedirects)
                        return Result(IngestionOutcome.HttpError, status, $"HTTP {status} {response.ReasonPhrase}: more than {MaxRedirects} redirects (a redirect loop?), last to {target}", contentType);
                    current = target;
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    var retryAfter = RetryAfterOf(response);
                    if (retryAfter is { } wait && status is 429 or 503)
                    {
                        // The site says when to come back: the host is deferred until then, and the caller reschedules; nobody waits here.
                        var retryAt = time.GetUtcNow() + politeness.DeferralFor(wait);
                        throttle.DeferUntil(current, retryAt);
                        var capped = wait > politeness.MaxRetryAfter ? $", capped at {politeness.MaxRetryAfter.TotalHours:0.#} h (Fetch:MaxRetryAfterMinutes)" : string.Empty;
                        return Result(IngestionOutcome.HttpError, status,
                            $"HTTP {status} {response.ReasonPhrase}: Retry-After {wait.TotalSeconds:0} s; {current.Authority} is not asked again before {retryAt:u}{capped}{via}", contentType, retryAt: retryAt);
                    }
                    var blocked = ChallengeDetector.FromStatus(response.StatusCode, response.Headers.Server?.ToString());
                    return Result(blocked is null ? IngestionOutcome.HttpError : IngestionOutcome.Blocked, status,
                        (blocked ?? $"HTTP {status} {response.ReasonPhrase}") + via, contentType);
                }

                var content = await ReadLimitedAsync(response.Content, cancellationToken);
                var challenge = ChallengeDetector.FromContent(purpose, contentType, content);
                if (challenge is not null)
                    return Result(IngestionOutcome.Blocked, status, challenge, contentType, content);
                var found = new HttpValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), time.GetUtcNow());
                return Result(IngestionOutcome.Ok, status, null, contentType, content, found.IsEmpty ? null : found);
            }
        }
        catch (ResponseTooLargeException ex)
        {
            logger.LogDebug(ex, "Response from {Url} refused", current);
            return Failed(IngestionOutcome.InvalidContent, ex.Message);
        }
        catch (HttpRequestException ex) when (Find<ForbiddenAddressException>(ex) is { } refused)
        {
            logger.LogWarning("Refused to fetch {Url}: {Reason}", current, refused.Message);
            return Failed(IngestionOutcome.Refused, refused.Message);
        }
        catch (HttpRequestException ex) when (Find<HostNotFoundException>(ex) is { } notFound)
        {
            logger.LogDebug(ex, "Fetching {Url} failed", current);
            return Failed(IngestionOutcome.NetworkError, notFound.Message);
        }
        catch (HttpRequestException ex)
        {
            // The stage logs the outcome; the exception is kept for whoever turns on debug logging.
            logger.LogDebug(ex, "Fetching {Url} failed", current);
            return Failed(IngestionOutcome.NetworkError, Describe(ex), ex.StatusCode is HttpStatusCode s ? (int)s : null);
        }
        catch (IOException ex)
        {
            // The connection was reset, or the body ended before its announced length.
            logger.LogDebug(ex, "Reading {Url} failed", current);
            return Failed(IngestionOutcome.NetworkError, "the response was cut off: " + Describe(ex));
        }
        catch (Exception ex) when (ex is TaskCanceledException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Fetching {Url} timed out", current);
            return Failed(IngestionOutcome.NetworkError, ex is TimeoutException ? "timed out: " + ex.Message : "timed out");
        }
        catch (RequestRejectedException ex)
        {
            // The resilience pipeline's timeout or an open circuit: the site is failing, and retrying now would not help.
            logger.LogDebug(ex, "Fetching {Url} rejected by the resilience pipeline", current);
            return Failed(IngestionOutcome.NetworkError, ex.Message);
        }
        finally
        {
            slot?.Dispose();
        }
    }

    /// <summary>Retry-After as a delay, given as seconds or as an HTTP date; null when absent.</summary>
    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The spacing between two requests to the host of <paramref name="url"/>: the minimum delay, or its Crawl-delay if longer.</summary>
    public async Task<TimeSpan> SpacingForAsync(Uri url, CancellationToken cancellationToken)
    {
        var answer = await robots.GetAsync(url, LoadRobotsAsync, cancellationToken);
        return politeness.SpacingFor(answer.Rules.CrawlDelay);
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

    private async Task<(RobotsTxt, RobotsFailure?)> LoadRobotsAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        try
        {
            var current = robotsUrl;
            for (var hop = 0; ; hop++)
            {
                using var response = await http.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = (int)response.StatusCode;
                if (Redirects.IsRedirect(status))
                {
                    // RFC 9309 2.3.1.2: follow at least five redirects; past them, or to somewhere not http(s), robots.txt is unavailable.
                    var (target, problem) = Redirects.Target(current, response);
                    if (target is not null && problem is null && hop < MaxRedirects)
                    {
                        current = target;
                        continue;
                    }
                    logger.LogInformation("robots.txt at {Url} redirects too often or elsewhere ({Problem}); reading it as unavailable: no rules", robotsUrl, problem ?? $"HTTP {status}");
                    return (RobotsTxt.AllowAll, null);
                }
                // RFC 9309 2.3.1.3 and 2.3.1.4: a 4xx means no rules; a 429 or 5xx means unreachable, so nothing may be crawled for now.
                if (status == 429 || status >= 500)
                {
                    var retryAfter = RetryAfterOf(response);
                    logger.LogWarning("robots.txt at {Url} answered HTTP {Status}; the host is not fetched until it can be read", robotsUrl, status);
                    return (RobotsTxt.DisallowAll, new RobotsFailure($"HTTP {status} {response.ReasonPhrase}" + (retryAfter is { } r ? $", Retry-After {r.TotalSeconds:0} s" : string.Empty),
                        status, NetworkError: false, retryAfter is { } w ? politeness.DeferralFor(w) : null));
                }
                if (!response.IsSuccessStatusCode) return (RobotsTxt.AllowAll, null);
                var bytes = await ReadLimitedAsync(response.Content, cancellationToken, RobotsTxt.MaxBytes, cut: true);
                return (RobotsTxt.Parse(bytes, politeness.ProductToken), null);
            }
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException or TimeoutException or RequestRejectedException or ResponseTooLargeException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                                   && Find<ForbiddenAddressException>(ex) is null)
        {
            // (A refused address is not a robots.txt problem: it propagates, and the fetch is logged as refused.)
            var reason = Find<HostNotFoundException>(ex)?.Message ?? Describe(ex);
            logger.LogWarning("robots.txt at {Url} could not be read ({Error}); the host is not fetched until it can", robotsUrl, reason);
            return (RobotsTxt.DisallowAll, new RobotsFailure(reason, null, NetworkError: true));
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
