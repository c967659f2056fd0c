using Microsoft.Extensions.Logging;
using Monitor.Core.Configuration;
using Monitor.Core.Fetching;
using Monitor.Core.Messages;
using Monitor.Core.Storage;

namespace Monitor.Core.Stages;

/// <summary>
/// Handles one <see cref="FetchRequest"/>: gets the statement's HTML (from the archived feed when it carries
/// the text, otherwise from the page), extracts it, archives it, and queues detection for a new version.
/// A page that cannot be fetched is logged and the message fails, so the queue retries it; it is never dropped.
/// </summary>
public sealed class FetchStage(
    MonitorConfiguration configuration,
    PageFetcher fetcher,
    IBlobStore blobs,
    ExtractStage extract,
    ArchiveStage archive,
    IMessageQueue queue,
    IIngestionLog log,
    ILogger<FetchStage> logger)
{
    public async Task<ArchiveResult> HandleAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var source = configuration.GetSource(request.SourceId);
        FetchedPage? page = null;
        RawStatement raw;
        if (request.FeedBlob is not null)
        {
            raw = await FromFeedAsync(request, cancellationToken);
        }
        else
        {
            page = await fetcher.FetchAsync(request.Url, cancellationToken);
            if (!page.Succeeded)
            {
                await LogPageAsync(request, page, page.Outcome, page.Error, cancellationToken);
                throw new StatementFetchException(request.SourceId, request.Url, page.Error ?? page.Outcome.ToString());
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

        if (result.NeedsDetection)
        {
            await queue.SendAsync(QueueNames.Detect, new DetectRequest(source.Id, request.StatementId, result.Record.Version), cancellationToken);
            logger.LogInformation("Queued detection for {SourceId} statement {StatementId} version {Version}", source.Id, request.StatementId, result.Record.Version);
        }
        return result;
    }

    private async Task<RawStatement> FromFeedAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var feed = await blobs.ReadAsync(BlobArea.Feeds, request.FeedBlob!, cancellationToken)
            ?? throw new InvalidOperationException($"Archived feed '{request.FeedBlob}' for {request.SourceId} is missing.");
        var item = FeedReader.Read(feed.ToArray(), request.Url).FirstOrDefault(i => i.Key == request.ItemKey)
            ?? throw new InvalidOperationException($"Item '{request.ItemKey}' is not in archived feed '{request.FeedBlob}'.");
        return new RawStatement(item.Url, [], "text/html; charset=utf-8", item);
    }

    private Task LogPageAsync(FetchRequest request, FetchedPage page, IngestionOutcome outcome, string? error, CancellationToken cancellationToken) =>
        log.RecordAsync(new IngestionEntry(request.SourceId, "page", page.Url, page.StartedAt, outcome, page.HttpStatus,
            page.Content.LongLength, 1, 0, 0, page.Duration, error), cancellationToken);
}

/// <summary>A statement page could not be fetched; the message will be retried.</summary>
public sealed class StatementFetchException(string sourceId, Uri url, string problem)
    : Exception($"Statement {url} of {sourceId} could not be fetched: {problem}")
{
    public string SourceId { get; } = sourceId;
    public Uri Url { get; } = url;
}
