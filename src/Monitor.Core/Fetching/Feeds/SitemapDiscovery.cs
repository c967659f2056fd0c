using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Fetching.Feeds;

/// <summary>
/// What a sitemap source lists now: its sitemap, or for a sitemap index its newest child sitemaps (bounded), read into
/// statement URLs newest first. Entries on another site, older than the source's <see cref="Source.MaxSitemapAge"/>,
/// repeated, or beyond the newest <see cref="MaxEntries"/> are skipped with the reason. Used by the discover stage and
/// by <c>check-source</c>, so both read a sitemap the same way.
/// </summary>
public static class SitemapDiscovery
{
    /// <summary>Child sitemaps fetched per discovery (newest lastmod first): an index of years of archives needs only its latest.</summary>
    public const int MaxChildSitemaps = 5;

    /// <summary>Statement URLs considered per discovery, newest first; each costs an index lookup.</summary>
    public const int MaxEntries = 500;

    public sealed record Result(IReadOnlyList<SitemapEntry> Entries, IReadOnlyList<SkippedEntry> Skipped, int SitemapsRead);

    /// <exception cref="FeedFormatException">The source's own sitemap is not a sitemap.</exception>
    public static async Task<Result> ReadAsync(PageFetcher fetcher, Source source, FetchedPage sitemap, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = SitemapReader.Read(sitemap.Content, sitemap.Url);
        var entries = new List<SitemapEntry>(document.Entries);
        var skipped = new List<SkippedEntry>(document.Skipped);
        var oldest = now - source.MaxSitemapAge;
        var children = new Queue<SitemapEntry>(NewestFirst(document.ChildSitemaps));
        var read = 1;
        while (children.TryDequeue(out var child))
        {
            if (child.LastModified < oldest)
            {
                skipped.Add(new SkippedEntry(child.Url.AbsoluteUri, "child sitemap " + SkippedEntry.TooOld));
                continue;
            }
            if (read > MaxChildSitemaps)
            {
                skipped.Add(new SkippedEntry(child.Url.AbsoluteUri, $"child sitemap beyond the newest {MaxChildSitemaps}"));
                continue;
            }
            read++;
            var page = await fetcher.FetchAsync(child.Url, FetchPurpose.Listing, source.RequestSettings, conditional: false, cancellationToken);
            if (!page.Succeeded)
            {
                skipped.Add(new SkippedEntry(child.Url.AbsoluteUri, $"child sitemap {page.Outcome.ToName()}: {page.Error}"));
                continue;
            }
            try
            {
                var childDocument = SitemapReader.Read(page.Content, page.Url);
                entries.AddRange(childDocument.Entries);
                skipped.AddRange(childDocument.Skipped);
                foreach (var grandchild in NewestFirst(childDocument.ChildSitemaps)) children.Enqueue(grandchild);
            }
            catch (FeedFormatException ex)
            {
                skipped.Add(new SkippedEntry(child.Url.AbsoluteUri, "child sitemap not readable: " + ex.Message));
            }
        }

        var kept = new List<SitemapEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in NewestFirst(entries))
        {
            var reason = !source.RequestSettings.AllowsLink(source.DiscoveryUrl, entry.Url) ? SkippedEntry.OffSite
                : !seen.Add(entry.Url.AbsoluteUri) ? SkippedEntry.Duplicate
                : entry.Date < oldest ? SkippedEntry.TooOld
                : kept.Count >= MaxEntries ? $"beyond the newest {MaxEntries}"
                : null;
            if (reason is null) kept.Add(entry);
            else skipped.Add(new SkippedEntry(entry.Url.AbsoluteUri, reason));
        }
        return new Result(kept, skipped, read);
    }

    /// <summary>Dated entries newest first, then the undated in their order (a stable sort: linear-logarithmic, no worse).</summary>
    private static IEnumerable<SitemapEntry> NewestFirst(IEnumerable<SitemapEntry> entries) =>
        entries.OrderByDescending(e => e.Date ?? DateTimeOffset.MinValue);
}
