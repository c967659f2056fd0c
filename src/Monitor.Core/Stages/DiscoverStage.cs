using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Fetching.Feeds;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Reads a source's feed, sitemap or listing page, and enqueues a <see cref="FetchRequest"/> for each statement that is
/// not archived yet, or whose feed content changed since it was archived. Pages of a listing source carry no
/// content to compare, so those first seen within the source's recheck window are fetched again to catch edits; a
/// sitemap's <c>lastmod</c> says which to fetch again. Every entry not queued is logged with the reason and counted.
/// A site that cannot be reached is recorded in the ingestion log; the stage does not fail, the next cycle retries.
/// </summary>
public sealed class DiscoverStage(
    MonitorConfiguration configuration,
    PageFetcher fetcher,
    IStatementIndex index,
    IBlobStore blobs,
    IMessageQueue queue,
    IIngestionLog log,
    ISourceStateStore state,
    TimeProvider time,
    CatchUp catchUp,
    ILogger<DiscoverStage> logger)
{
    /// <summary>Failed discoveries in a row before the operators are told; one bad cycle is not worth a message.</summary>
    public const int FailuresBeforeOperatorAlert = 3;

    /// <summary>
    /// New statements a page's validators may wait for (their ids are kept with them); a page with more is read in
    /// full until its statements are archived, as a page with edits is.
    /// </summary>
    public const int MaxPendingStatements = 300;

    public async Task<IngestionEntry> HandleAsync(DiscoverRequest request, CancellationToken cancellationToken)
    {
        var source = configuration.GetSource(request.SourceId);
        var purpose = source.Feed is not null ? FetchPurpose.Feed : FetchPurpose.Listing;
        // A catch-up page (after an outage) is read in full and leaves no validators: only the source's own page is polled.
        var catchingUp = request.PageUrl is not null;
        var page = await fetcher.FetchAsync(request.PageUrl ?? source.DiscoveryUrl, purpose, source.RequestSettings, conditional: !catchingUp,
            (pending, ct) => AllArchivedAsync(source, pending, ct), cancellationToken);
        var entry = Entry(source, page, IngestionOutcome.Ok, 0, 0, 0, page.Error) with { Kind = CatchUp.Kind(request.Page) };
        if (page.Outcome == IngestionOutcome.NotModified)
        {
            // Nothing changed since every item was archived: no parse, no write beyond the log row.
            entry = entry with { Outcome = IngestionOutcome.NotModified };
            logger.LogInformation("{SourceId} at {Url} is not modified", source.Id, page.Url);
            await log.RecordAsync(entry, cancellationToken);
            if (!catchingUp) await TrackHealthAsync(source, entry, cancellationToken);
            return entry;
        }
        if (!page.Succeeded)
        {
            entry = entry with { Outcome = page.Outcome };
            logger.LogWarning("Discovery of {SourceId} at {Url} failed ({Outcome}): {Error}", source.Id, page.Url, page.Outcome.ToName(), page.Error);
            await log.RecordAsync(entry, cancellationToken);
            // The site said when to come back (Retry-After, or robots.txt unreachable): the source's next due time moves there.
            if (page.RetryAt is { } retryAt) await state.DeferAsync(source.Id, retryAt, cancellationToken);
            if (!catchingUp) await TrackHealthAsync(source, entry, cancellationToken);
            return entry;
        }

        try
        {
            var (candidates, skipped) = source.Kind switch
            {
                "feed" => ReadFeed(source, page),
                "sitemap" => await ReadSitemapAsync(source, page, cancellationToken),
                _ => ReadListing(source, page),
            };
            var queued = await EnqueueNewAsync(source, page, candidates, cancellationToken);
            var (fresh, changed) = (queued.Fresh.Count, queued.Changed);
            entry = entry with { ItemsFound = candidates.Count, ItemsNew = fresh, ItemsChanged = changed, ItemsSkipped = skipped.Count, Skipped = SkippedEntry.Summarize(skipped) };
            logger.LogInformation("Discovered {Found} items at {SourceId}: {New} new, {Changed} changed, {Skipped} skipped", candidates.Count, source.Id, fresh, changed, skipped.Count);
            LogSkipped(source, skipped);
            if (!catchingUp && MayRemember(source, candidates, queued)) await fetcher.RememberAsync(page, queued.Fresh.Select(f => f.StatementId).ToList(), cancellationToken);
            await catchUp.FollowAsync(source, request, page, candidates.Count, queued.Fresh.Count, queued.PageFetches, cancellationToken);
        }
        catch (Exception ex) when (ex is FeedFormatException or AngleSharp.Dom.DomException)
        {
            logger.LogWarning(ex, "Discovery page of {SourceId} at {Url} could not be read", source.Id, page.Url);
            entry = entry with { Outcome = IngestionOutcome.InvalidContent, Error = ex.Message };
        }

        await log.RecordAsync(entry, cancellationToken);
        // A source's health is its own page's: a catch-up page that fails is logged, and the next discovery starts over.
        if (!catchingUp) await TrackHealthAsync(source, entry, cancellationToken);
        return entry;
    }

    /// <summary>
    /// Tells the operators when a source has failed several times in a row, and when it recovers. Finding no
    /// items at all counts as a failure: it is how a redesigned listing page or a moved feed shows itself.
    /// </summary>
    private async Task TrackHealthAsync(Source source, IngestionEntry entry, CancellationToken cancellationToken)
    {
        var healthy = (entry.Outcome == IngestionOutcome.Ok && entry.ItemsFound > 0) || entry.Outcome == IngestionOutcome.NotModified;
        var problem = healthy ? null
            : entry.Outcome == IngestionOutcome.Ok ? "found no statements (has the page changed? check the selector)"
            : $"{entry.Outcome.ToName()}: {entry.Error}";
        var skipped = entry.Skipped is null ? null : $"found {entry.ItemsFound}, skipped {entry.Skipped}";
        var (before, after, alerted) = await state.RecordDiscoveryAsync(source.Id, entry.StartedAt, problem, entry.ItemsNew > 0, cancellationToken, skipped);
        // One alert when an incident starts and one when it ends, however long it lasts and whatever its failures are.
        OperatorAlert? alert = null;
        if (!healthy && !alerted && entry.Outcome == IngestionOutcome.Blocked)
        {
            // A challenge page will not go away by itself: the operators hear of it at once, not after three cycles.
            alert = new OperatorAlert(OperatorAlert.SourceBlocked, source.Id, $"{source.Name}: {entry.Url} is blocked: {entry.Error}", after, time.GetUtcNow());
            logger.LogError("Source {SourceId} is blocked: {Reason}", source.Id, entry.Error);
        }
        else if (!healthy && !alerted && after >= FailuresBeforeOperatorAlert)
        {
            alert = new OperatorAlert(OperatorAlert.SourceFailing, source.Id,
                $"{source.Name}: the last {after} discoveries at {entry.Url} failed; latest: {problem}", after, time.GetUtcNow());
            logger.LogError("Source {SourceId} failed {Count} times in a row: {Problem}", source.Id, after, problem);
        }
        else if (healthy && alerted)
        {
            alert = new OperatorAlert(OperatorAlert.SourceRecovered, source.Id, $"{source.Name} works again after {before} failed discoveries.", 0, time.GetUtcNow());
            logger.LogInformation("Source {SourceId} recovered after {Count} failures", source.Id, before);
        }
        if (alert is null) return;
        await queue.SendAsync(QueueNames.OperatorAlerts, alert, cancellationToken);
        await state.SetIncidentAlertedAsync(source.Id, alert.Kind != OperatorAlert.SourceRecovered, cancellationToken);
    }

    /// <summary>
    /// Whether the page's validators may be kept. A 304 must stand for "nothing to do": so not while an item awaits a
    /// recheck or an edited feed item is being archived (as before), nor for a page that found nothing (read in full
    /// again: it is how a redesign shows itself). New statements are allowed: the validators are kept with their ids
    /// as pending, and sent only once every one of them is archived (<see cref="AllArchivedAsync"/>), so that an
    /// unchanged page costs a 304 from the next cycle on, while a statement whose fetch failed makes the next
    /// discovery read the page in full and queue it again. A page-fetched statement of a source that rechecks would be
    /// due for its recheck at the next discovery, which only a full read queues; so those wait as before.
    /// </summary>
    private static bool MayRemember(Source source, List<Candidate> candidates, Queued queued) =>
        candidates.Count > 0 && queued.Changed == 0 && queued.Rechecked == 0
        && queued.Fresh.Count <= MaxPendingStatements
        && (source.Recheck <= TimeSpan.Zero || queued.Fresh.All(f => f.FromFeed));

    /// <summary>
    /// Whether the statements a previous read of the page queued are all archived now. One point read each, and only
    /// on the first discovery after that read: once they are, the validators are kept as plain ones.
    /// </summary>
    private async Task<bool> AllArchivedAsync(Source source, IReadOnlyList<string> statementIds, CancellationToken cancellationToken)
    {
        foreach (var statementId in statementIds)
        {
            if (await index.GetAsync(source.Id, statementId, cancellationToken) is null)
            {
                logger.LogInformation("Statement {StatementId} of {SourceId} queued at the last discovery is not archived yet: reading {Url} in full",
                    statementId, source.Id, source.DiscoveryUrl);
                return false;
            }
        }
        return true;
    }

    /// <summary>Skipped entries logged one by one, up to a bound (a sitemap may skip thousands as too old); all are counted.</summary>
    private const int SkippedLogged = 50;

    private void LogSkipped(Source source, IReadOnlyList<SkippedEntry> skipped)
    {
        foreach (var s in skipped.Take(SkippedLogged))
            logger.LogInformation("Skipped an entry of {SourceId}: {Entry} ({Reason})", source.Id, s.Entry, s.Reason);
        if (skipped.Count > SkippedLogged)
            logger.LogInformation("Skipped {More} more entries of {SourceId}: {Summary}", skipped.Count - SkippedLogged, source.Id, SkippedEntry.Summarize(skipped));
    }

    private static (List<Candidate>, List<SkippedEntry>) ReadFeed(Source source, FetchedPage page)
    {
        var feed = FeedReader.ReadFeed(page.Content, page.Url, page.ContentType, source.Language);
        // A repaired feed that yields nothing is what it looks like: unreadable.
        if (feed.Fault is not null && feed.Items.Count == 0) throw new FeedFormatException(feed.Fault);
        var skipped = feed.Skipped.ToList();
        if (feed.Fault is not null) skipped.Add(new SkippedEntry("the rest of the feed", "ill-formed XML, read up to the fault: " + feed.Fault));
        var candidates = new List<Candidate>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in feed.Items)
        {
            // A feed is trusted to name its own statements, unless the source restricts hosts (allowedHosts).
            if (source.RequestSettings.AllowedHosts.Count > 0 && !source.RequestSettings.AllowsLink(source.Feed!, item.Url))
                skipped.Add(new SkippedEntry(item.Url.AbsoluteUri, SkippedEntry.OffSite));
            else if (!keys.Add(item.Key)) skipped.Add(new SkippedEntry(item.Key, SkippedEntry.Duplicate));
            else candidates.Add(new Candidate(item.Key, item.Url, item.ContentHtml is null ? null : Hashes.Sha256(item.ContentHtml)));
        }
        return (candidates, skipped);
    }

    private async Task<(List<Candidate>, List<SkippedEntry>)> ReadSitemapAsync(Source source, FetchedPage page, CancellationToken cancellationToken)
    {
        var read = await SitemapDiscovery.ReadAsync(fetcher, source, page, time.GetUtcNow(), cancellationToken);
        return (read.Entries.Select(e => new Candidate(e.Url.AbsoluteUri, e.Url, null, e.Date)).ToList(), read.Skipped.ToList());
    }

    private static (List<Candidate>, List<SkippedEntry>) ReadListing(Source source, FetchedPage page)
    {
        var links = ListingReader.Read(page.Content, page.Url, source.Listing!.Links, page.ContentType, source.Language);
        // A listing's links stay on its own site unless the source allows other hosts: a hostile or hijacked link
        // elsewhere is not followed.
        var offSite = links.Where(l => !source.RequestSettings.AllowsLink(source.Listing.Url, l)).ToList();
        return (links.Except(offSite).Select(url => new Candidate(url.AbsoluteUri, url, null)).ToList(),
            offSite.Select(l => new SkippedEntry(l.AbsoluteUri, SkippedEntry.OffSite)).ToList());
    }

    private async Task<Queued> EnqueueNewAsync(Source source, FetchedPage page, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var fresh = new List<(string StatementId, bool FromFeed)>();
        int changed = 0, rechecked = 0, pageFetches = 0;
        string? feedBlob = null;
        TimeSpan? spacing = null;
        foreach (var candidate in candidates)
        {
            var statementId = Hashes.StatementId(source.Id, candidate.Key);
            var record = await index.GetAsync(source.Id, statementId, cancellationToken);
            if (record is null) fresh.Add((statementId, candidate.ContentHash is not null));
            else if (candidate.ContentHash is not null && candidate.ContentHash != record.RawHash) changed++;
            else if (!DueForRecheck(source, candidate, record)) continue;
            else rechecked++;

            if (candidate.ContentHash is not null && feedBlob is null)
            {
                // The feed carries the statements: keep it, and let the fetch stage read the item from it.
                feedBlob = ArchivePaths.Feed(source.Id, page.StartedAt, Hashes.Sha256(page.Content));
                await blobs.TryCreateAsync(BlobArea.Feeds, feedBlob, new BinaryData(page.Content), page.ContentType ?? "application/xml", cancellationToken);
            }

            var fromFeed = candidate.ContentHash is not null;
            var request = new FetchRequest(source.Id, statementId, candidate.Key, candidate.Url, fromFeed ? feedBlob : null, time.GetUtcNow(),
                fromFeed ? page.ContentType : null, Recheck: record is not null && !fromFeed);
            var delay = TimeSpan.Zero;
            if (!fromFeed)
            {
                // Each page fetch hits the site: space them so that however many instances take them, the host sees
                // one request per spacing (the minimum delay, or its robots.txt Crawl-delay).
                spacing ??= await fetcher.SpacingForAsync(candidate.Url, cancellationToken);
                delay = Politeness.FetchSpacing.DelayOf(pageFetches++, spacing.Value, source.Interval);
            }
            await queue.SendAsync(QueueNames.Fetch, request, delay, cancellationToken);
        }
        return new Queued(fresh, changed, rechecked, pageFetches);
    }

    /// <summary>
    /// Whether an archived page is fetched again: a sitemap entry when its lastmod is newer than the last archived
    /// version (while that lastmod is within the recheck window), else a listed page first seen within the window.
    /// </summary>
    private bool DueForRecheck(Source source, Candidate candidate, StatementRecord record)
    {
        if (candidate.ContentHash is not null) return false;
        var now = time.GetUtcNow();
        return candidate.Modified is { } modified
            ? modified > record.LastChanged && now - modified <= source.Recheck
            : now - record.FirstSeen <= source.Recheck;
    }

    private static IngestionEntry Entry(Source source, FetchedPage page, IngestionOutcome outcome, int found, int fresh, int changed, string? error) =>
        new(source.Id, "discover", page.Url, page.StartedAt, outcome, page.HttpStatus, page.Content.LongLength, found, fresh, changed, page.Duration, error);

    /// <param name="Modified">A sitemap entry's lastmod (or news publication date).</param>
    private sealed record Candidate(string Key, Uri Url, string? ContentHash, DateTimeOffset? Modified = null);

    /// <summary>What a discovery queued: the statements not archived yet (and whether the feed carries each), edited feed items, rechecks, and how many page fetches all that makes.</summary>
    private sealed record Queued(List<(string StatementId, bool FromFeed)> Fresh, int Changed, int Rechecked, int PageFetches);
}
