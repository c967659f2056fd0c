using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Withdrawals;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Handles one <see cref="FetchRequest"/>: gets the statement's HTML (from the archived feed when it carries
/// the text, otherwise from the page), extracts it, archives it, and queues detection for a new version.
/// A page that cannot be fetched is logged and the message fails, so the queue retries it; it is never dropped. An
/// archived statement's page fetched again (a recheck) that is gone marks the statement withdrawn instead (<see cref="WithdrawalRecorder"/>).
/// </summary>
public sealed class FetchStage(
    MonitorConfiguration configuration,
    PageFetcher fetcher,
    IBlobStore blobs,
    FeedItemCache feeds,
    RawStatementExtractor extract,
    StatementArchiver archive,
    IMessageQueue queue,
    IIngestionLog log,
    ISourceStateStore state,
    WithdrawalRecorder withdrawals,
    ILogger<FetchStage> logger)
{
    /// <returns>What was archived, or null when there was nothing to archive (not modified, disallowed by robots.txt, refused content).</returns>
    public async Task<ArchiveResult?> HandleAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var source = configuration.GetSource(request.SourceId);
        FetchedPage? page = null;
        RawStatement raw;
        if (request.FeedBlob is not null)
        {
            raw = await FromFeedAsync(request, source.Feed ?? request.Url, source.Language, cancellationToken);
        }
        else
        {
            page = await fetcher.FetchAsync(request.Url, FetchPurpose.Page, source.RequestSettings, conditional: request.Recheck, cancellationToken);
            if (request.Recheck && await WithdrawnOrCheckedAsync(source, request, page, cancellationToken)) return null;
            switch (page.Outcome)
            {
                case IngestionOutcome.Ok:
                    break;
                case IngestionOutcome.NotModified or IngestionOutcome.Robots or IngestionOutcome.Refused or IngestionOutcome.InvalidContent:
                    // Unchanged since archived; or not to be fetched (robots.txt, a private address); or a response no retry will shrink (a decompression
                    // bomb): logged, and done. A statement never archived is queued again by the next discovery.
                    await LogPageAsync(request, page, page.Outcome, page.Error, cancellationToken);
                    logger.LogInformation("Statement {Url} of {SourceId}: {Outcome} {Error}", request.Url, source.Id, page.Outcome.ToName(), page.Error);
                    return null;
                case IngestionOutcome.HttpError when page.RetryAt is { } retryAt:
                    // The host said when to come back (Retry-After, or robots.txt unreachable). Failing the message would retry it
                    // sooner (and poison it), and a message delayed till then would hold up a local run's cycle for as long: so
                    // the message is done, and the source's next discovery, which queues every statement not archived yet (and
                    // every recheck still due), waits until then.
                    await LogPageAsync(request, page, page.Outcome, page.Error, cancellationToken);
                    await state.DeferAsync(source.Id, retryAt, cancellationToken);
                    logger.LogInformation("Statement {Url} of {SourceId}: {Error}; the source is discovered again after {RetryAt}", request.Url, source.Id, page.Error, retryAt);
                    return null;
                default:
                    await LogPageAsync(request, page, page.Outcome, page.Error, cancellationToken);
                    throw new StatementFetchException(request.SourceId, request.Url, page.Error ?? page.Outcome.ToName());
            }
            raw = new RawStatement(page.Url, page.Content, page.ContentType, null);
        }

        var extracted = extract.Extract(source, raw);
        if (page is not null)
        {
            var outcome = extracted.Error is null ? IngestionOutcome.Ok : IngestionOutcome.InvalidContent;
            await LogPageAsync(request, page, outcome, extracted.Error, cancellationToken);
        }
        var result = await archive.ArchiveAsync(source, request, raw, extracted, cancellationToken);
        // Archived: a later recheck of the page may now be answered with a 304 (a source that never rechecks needs no validators).
        if (page is not null && source.Recheck > TimeSpan.Zero) await fetcher.RememberAsync(page, cancellationToken);

        if (result.NeedsDetection)
        {
            await queue.SendAsync(QueueNames.Detect, new DetectRequest(source.Id, request.StatementId, result.Record.Version), cancellationToken);
            logger.LogInformation("Queued detection for {SourceId} statement {StatementId} version {Version}", source.Id, request.StatementId, result.Record.Version);
        }
        return result;
    }

    /// <param name="feedUrl">The feed's address, against which the discover stage resolved its relative links (and so the keys of items without an id).</param>
    private async Task<RawStatement> FromFeedAsync(FetchRequest request, Uri feedUrl, string language, CancellationToken cancellationToken)
    {
        var items = await feeds.GetAsync(request.FeedBlob!, async () =>
        {
            var feed = await blobs.ReadAsync(BlobArea.Feeds, request.FeedBlob!, cancellationToken)
                ?? throw new InvalidOperationException($"Archived feed '{request.FeedBlob}' for {request.SourceId} is missing.");
            return FeedReader.Read(feed.ToArray(), feedUrl, request.FeedContentType, language);
        });
        var item = items.FirstOrDefault(i => i.Key == request.ItemKey)
            ?? throw new InvalidOperationException($"Item '{request.ItemKey}' is not in archived feed '{request.FeedBlob}'.");
        return new RawStatement(item.Url, [], "text/html; charset=utf-8", item);
    }

    /// <summary>
    /// An archived statement's page fetched again: records a withdrawal (404, 410, a redirect to a listing or home page)
    /// or a return. True when the stage is done with it: a page found withdrawn is not archived (nor retried), and a
    /// withdrawal check archives nothing whatever it finds (a feed's statement was archived from the feed, not its
    /// page); one that fails for a transient reason waits for the next check rather than being retried.
    /// </summary>
    private async Task<bool> WithdrawnOrCheckedAsync(Source source, FetchRequest request, FetchedPage page, CancellationToken cancellationToken)
    {
        var (pageState, changed, reason) = await withdrawals.RecordAsync(source, request, page, cancellationToken);
        var outcome = pageState == PageState.Withdrawn ? IngestionOutcome.Withdrawn : changed ? IngestionOutcome.Restored : page.Outcome;
        if (request.WithdrawalCheck || pageState == PageState.Withdrawn)
        {
            await LogPageAsync(request, page, outcome, reason ?? page.Error, cancellationToken, request.WithdrawalCheck ? "recheck" : "page");
            return true;
        }
        if (changed) await LogPageAsync(request, page, outcome, null, cancellationToken);
        return false;
    }

    private Task LogPageAsync(FetchRequest request, FetchedPage page, IngestionOutcome outcome, string? error, CancellationToken cancellationToken, string kind = "page") =>
        log.RecordAsync(new IngestionEntry(request.SourceId, kind, page.Url, page.StartedAt, outcome, page.HttpStatus,
            page.Content.LongLength, 1, 0, 0, page.Duration, error), cancellationToken);
}

/// <summary>A statement page could not be fetched; the message will be retried.</summary>
public sealed class StatementFetchException(string sourceId, Uri url, string problem)
    : Exception($"Statement {url} of {sourceId} could not be fetched: {problem}")
{
    public string SourceId { get; } = sourceId;
    public Uri Url { get; } = url;
}
