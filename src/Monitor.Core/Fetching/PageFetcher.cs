using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Monitor.Core.Storage;

namespace Monitor.Core.Fetching;

/// <summary>
/// GETs feeds and pages. The HttpClient it is given carries the resilience pipeline (retries with backoff,
/// timeouts, circuit breaker); this class turns whatever finally happened into a <see cref="FetchedPage"/>.
/// </summary>
public sealed class PageFetcher(HttpClient http, TimeProvider time, ILogger<PageFetcher> logger)
{
    /// <summary>Pages larger than this are cut off rather than read into memory without bound.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public async Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var contentType = response.Content.Headers.ContentType?.ToString();
            if (!response.IsSuccessStatusCode)
            {
                return new FetchedPage(url, IngestionOutcome.HttpError, (int)response.StatusCode, contentType, [], startedAt, clock.Elapsed,
                    $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var content = await ReadLimitedAsync(response.Content, cancellationToken);
            return new FetchedPage(response.RequestMessage?.RequestUri ?? url, IngestionOutcome.Ok, (int)response.StatusCode, contentType, content, startedAt, clock.Elapsed, null);
        }
        catch (HttpRequestException ex)
        {
            // The stage logs the outcome; the exception is kept for whoever turns on debug logging.
            logger.LogDebug(ex, "Fetching {Url} failed", url);
            return new FetchedPage(url, IngestionOutcome.NetworkError, ex.StatusCode is HttpStatusCode s ? (int)s : null, null, [], startedAt, clock.Elapsed,
                Describe(ex));
        }
        catch (Exception ex) when (ex is TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Fetching {Url} timed out", url);
            return new FetchedPage(url, IngestionOutcome.NetworkError, null, null, [], startedAt, clock.Elapsed, "timed out");
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            // Polly's timeout or an open circuit: the site is failing, and retrying now would not help.
            logger.LogDebug(ex, "Fetching {Url} rejected by the resilience pipeline", url);
            return new FetchedPage(url, IngestionOutcome.NetworkError, null, null, [], startedAt, clock.Elapsed, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                throw new HttpRequestException($"response larger than {MaxBytes / (1024 * 1024)} MB");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException) parts.Add(e.Message);
        return string.Join(" → ", parts.Distinct());
    }
}
