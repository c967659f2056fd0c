using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Politeness;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// Catch-up after an outage (of the monitor or of the site): when every entry of a feed or listing page is unknown,
/// statements may have slid off it onto older pages, so the next page is read too, until a page shows a known entry
/// or the source's bound (<see cref="Source.CatchUpPages"/>) is reached. A first visit (nothing archived yet) reads
/// one page only: the monitor starts from now, it does not crawl a ministry's history. Each next page is a
/// <see cref="DiscoverRequest"/> carrying its URL and number, queued one host spacing after the page fetches the
/// previous page queued, so it goes through the same robots.txt check and per-host spacing as every other request.
/// </summary>
public sealed class CatchUp(PageFetcher fetcher, IStatementIndex index, IMessageQueue queue, ILogger<CatchUp> logger)
{
    /// <summary>The ingestion log's kind for page <paramref name="page"/>: "discover" for the first, "catch-up N" for the others.</summary>
    public static string Kind(int page) => page <= 1 ? "discover" : $"catch-up {page}";

    /// <summary>After a page was read and its unknown entries queued: queues the next page if a catch-up should go on.</summary>
    /// <param name="pageFetchesQueued">Statement page fetches the page queued for the host, which the next page waits behind.</param>
    /// <returns>The next page queued, or null.</returns>
    public async Task<Uri?> FollowAsync(Source source, DiscoverRequest request, FetchedPage page, int found, int unknown, int pageFetchesQueued, CancellationToken cancellationToken)
    {
        // A sitemap lists every statement it keeps on one page (or an index of them): there is no older page to follow.
        if (source.Sitemap is not null) return null;
        if (found == 0 || unknown < found)
        {
            if (request.Page > 1)
                logger.LogInformation("Catch-up of {SourceId} ends at page {Page}: it shows a known entry", source.Id, request.Page);
            return null;
        }
        if (request.Page >= source.CatchUpPages)
        {
            if (request.Page > 1)
                logger.LogWarning("Catch-up of {SourceId} stopped at page {Page}, its bound (catchUpPages): every entry was still new, so older statements may be missed",
                    source.Id, request.Page);
            return null;
        }
        if (request.Page == 1 && !await HasArchiveAsync(source, cancellationToken)) return null;

        var next = source.Feed is not null
            ? NextPageLink.InFeed(page.Content, page.Url, page.ContentType, source.Language)
            : NextPageLink.InHtml(page.Content, page.Url, source.Listing!.Next, page.ContentType, source.Language);
        if (next is null)
        {
            logger.LogWarning("Every entry of page {Page} of {SourceId} is new, but {Url} names no next page to catch up from", request.Page, source.Id, page.Url);
            return null;
        }
        if (next == page.Url || next == page.RequestedUrl || !source.RequestSettings.AllowsLink(source.DiscoveryUrl, next))
        {
            logger.LogWarning("Catch-up of {SourceId} does not follow {Next} from page {Page}: it is the same page or on another site", source.Id, next, request.Page);
            return null;
        }

        var spacing = await fetcher.SpacingForAsync(next, cancellationToken);
        var delay = FetchSpacing.DelayOf(pageFetchesQueued + 1, spacing, source.Interval);
        await queue.SendAsync(QueueNames.Discover, new DiscoverRequest(source.Id, request.RequestedAt, next, request.Page + 1), delay, cancellationToken);
        logger.LogInformation("Catch-up of {SourceId}: all {Count} entries of page {Page} are new; page {Next} ({Url}) queued to start in {Delay}",
            source.Id, found, request.Page, request.Page + 1, next, delay);
        return next;
    }

    private async Task<bool> HasArchiveAsync(Source source, CancellationToken cancellationToken)
    {
        await foreach (var _ in index.ListAsync(source.Id, cancellationToken)) return true;
        return false;
    }
}
