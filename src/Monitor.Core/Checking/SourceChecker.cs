using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Fetching.Feeds;
using MinistryMonitor.Core.Politeness;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Checking;

/// <summary>
/// Fetches one source once, as the pipeline would, and reports what each of its selectors finds, so that an operator
/// can verify or fix a preset in a minute (<c>monitor check-source</c>). Nothing is stored.
/// </summary>
public sealed class SourceChecker(PageFetcher fetcher, RawStatementExtractor extract, TimeProvider time)
{
    /// <summary>How many statements of the source are fetched and extracted.</summary>
    public const int StatementsChecked = 3;

    public async Task<SourceCheck> CheckAsync(Source source, CancellationToken cancellationToken)
    {
        var purpose = source.Feed is not null ? FetchPurpose.Feed : FetchPurpose.Listing;
        var page = await fetcher.FetchAsync(source.DiscoveryUrl, purpose, source.RequestSettings, conditional: false, cancellationToken);
        var kind = source.Kind;
        if (!page.Succeeded) return new SourceCheck(source.Id, kind, source.DiscoveryUrl, Describe(page), source.Listing?.Links, 0, page.Error, []);

        if (source.Feed is not null)
        {
            FeedDocument feed;
            try
            {
                feed = FeedReader.ReadFeed(page.Content, page.Url, page.ContentType, source.Language);
            }
            catch (FeedFormatException ex)
            {
                return new SourceCheck(source.Id, kind, source.DiscoveryUrl, Describe(page), null, 0, "not a feed: " + ex.Message, []);
            }
            var checks = new List<StatementCheck>();
            foreach (var item in feed.Items.Take(StatementsChecked)) checks.Add(await CheckItemAsync(source, item, cancellationToken));
            return new SourceCheck(source.Id, kind, source.DiscoveryUrl, Describe(page), null, feed.Items.Count, null, checks, SkippedEntry.Summarize(feed.Skipped));
        }

        if (source.Sitemap is not null)
        {
            SitemapDiscovery.Result sitemap;
            try
            {
                sitemap = await SitemapDiscovery.ReadAsync(fetcher, source, page, time.GetUtcNow(), cancellationToken);
            }
            catch (FeedFormatException ex)
            {
                return new SourceCheck(source.Id, kind, source.DiscoveryUrl, Describe(page), null, 0, "not a sitemap: " + ex.Message, []);
            }
            var checks = new List<StatementCheck>();
            foreach (var entry in sitemap.Entries.Take(StatementsChecked)) checks.Add(await CheckPageAsync(source, entry.Url, cancellationToken));
            return new SourceCheck(source.Id, kind, source.DiscoveryUrl, Describe(page), null, sitemap.Entries.Count,
                sitemap.Entries.Count == 0 ? $"the sitemap lists no statement of the last {source.MaxSitemapAge.TotalDays:0} days" : null,
                checks, SkippedEntry.Summarize(sitemap.Skipped));
        }

        // As the discover stage does: links to other hosts are not followed unless the source allows them.
        var links = ListingReader.Read(page.Content, page.Url, source.Listing!.Links, page.ContentType, source.Language)
            .Where(l => source.RequestSettings.AllowsLink(source.Listing.Url, l)).ToList();
        var statements = new List<StatementCheck>();
        foreach (var link in links.Take(StatementsChecked)) statements.Add(await CheckPageAsync(source, link, cancellationToken));
        return new SourceCheck(source.Id, kind, source.DiscoveryUrl, Describe(page), source.Listing.Links, links.Count,
            links.Count == 0 ? $"the link selector '{source.Listing.Links}' matched no links" : null, statements);
    }

    /// <summary>
    /// A URL without a sources file: a listing when <paramref name="links"/> is given, else a sitemap or a feed if it
    /// reads as one, else for a site's root the sitemap its robots.txt announces (a news sitemap first), else a single
    /// statement page.
    /// </summary>
    public async Task<SourceCheck> CheckUrlAsync(Uri url, string? links, ExtractionSelectors selectors, string language, CancellationToken cancellationToken)
    {
        if (links is not null) return await CheckAsync(AdHoc(url, null, new SourceListing(url, links), selectors, language), cancellationToken);

        var page = await fetcher.FetchAsync(url, FetchPurpose.Page, null, conditional: false, cancellationToken);
        if (page.Succeeded && LooksLikeSitemap(page)) return await CheckAsync(AdHoc(url, null, null, selectors, language) with { Sitemap = url }, cancellationToken);
        if (page.Succeeded && LooksLikeFeed(page)) return await CheckAsync(AdHoc(url, url, null, selectors, language), cancellationToken);
        if (url.AbsolutePath == "/" && await AnnouncedSitemapsAsync(url, cancellationToken) is { Count: > 0 } sitemaps)
        {
            var chosen = sitemaps.FirstOrDefault(s => s.AbsoluteUri.Contains("news", StringComparison.OrdinalIgnoreCase)) ?? sitemaps[0];
            var check = await CheckAsync(AdHoc(chosen, null, null, selectors, language) with { Sitemap = chosen }, cancellationToken);
            return check with { Sitemaps = sitemaps };
        }
        var source = AdHoc(url, null, new SourceListing(url, "a"), selectors, language);
        var statement = page.Succeeded ? Extract(source, page) : new StatementCheck(url, Describe(page), null, null, null, null, null, page.Error);
        return new SourceCheck(null, "page", url, Describe(page), null, page.Succeeded ? 1 : 0, page.Succeeded ? null : page.Error, [statement]);
    }

    private async Task<StatementCheck> CheckItemAsync(Source source, FeedItem item, CancellationToken cancellationToken)
    {
        if (item.ContentHtml is null) return await CheckPageAsync(source, item.Url, cancellationToken);
        var extracted = extract.Extract(source, new RawStatement(item.Url, [], "text/html; charset=utf-8", item));
        return new StatementCheck(item.Url, null,
            new FieldCheck(null, false, extracted.Title), new FieldCheck(null, false, Iso(extracted.Published)),
            new FieldCheck(null, false, Length(extracted.Text)), new FieldCheck(null, false, extracted.DocumentNumber), extracted.Method, extracted.Error);
    }

    private async Task<StatementCheck> CheckPageAsync(Source source, Uri url, CancellationToken cancellationToken)
    {
        var page = await fetcher.FetchAsync(url, FetchPurpose.Page, source.RequestSettings, conditional: false, cancellationToken);
        return page.Succeeded ? Extract(source, page) : new StatementCheck(url, Describe(page), null, null, null, null, null, page.Error);
    }

    private StatementCheck Extract(Source source, FetchedPage page)
    {
        var extracted = extract.Extract(source, new RawStatement(page.Url, page.Content, page.ContentType, null));
        var selectors = source.Selectors;
        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(new MemoryStream(page.Content));
        return new StatementCheck(page.Url, Describe(page),
            new FieldCheck(selectors.Title, Matches(document, selectors.Title, e => e.TextContent.Trim().Length > 0), extracted.Title),
            new FieldCheck(selectors.Date, Matches(document, selectors.Date, e => PublicationDateResolver.FromElement(e, monthFirst: false) is not null), Iso(extracted.Published)),
            new FieldCheck(selectors.Body, Matches(document, selectors.Body, e => BlockTextWriter.Write(e).Length > 0), Length(extracted.Text)),
            new FieldCheck(selectors.DocumentNumber, Matches(document, selectors.DocumentNumber, e => e.TextContent.Trim().Length > 0), extracted.DocumentNumber),
            extracted.Method, extracted.Error);
    }

    /// <summary>Whether the selector finds an element that yields the field, the way the extractor reads it.</summary>
    private static bool Matches(IDocument document, string? selector, Func<IElement, bool> yields)
    {
        if (string.IsNullOrWhiteSpace(selector)) return false;
        try
        {
            var first = document.QuerySelector(selector);
            return first is not null && yields(first);
        }
        catch (DomException)
        {
            return false;
        }
    }

    /// <summary>The <c>Sitemap:</c> lines of the site's robots.txt (none when it has none or cannot be fetched).</summary>
    private async Task<IReadOnlyList<Uri>> AnnouncedSitemapsAsync(Uri site, CancellationToken cancellationToken)
    {
        var robotsUrl = new Uri(site, "/robots.txt");
        var robots = await fetcher.FetchAsync(robotsUrl, FetchPurpose.Page, null, conditional: false, cancellationToken);
        return robots.Succeeded
            ? RobotsSitemaps.Find(Decoding.TextDecoder.Decode(robots.Content, robots.ContentType, maxChars: RobotsTxt.MaxBytes).Text, robots.Url)
            : [];
    }

    private static bool LooksLikeSitemap(FetchedPage page)
    {
        if (!SitemapReader.LooksLikeSitemap(page.Content)) return false;
        try
        {
            SitemapReader.Read(page.Content, page.Url);
            return true;
        }
        catch (FeedFormatException)
        {
            return false;
        }
    }

    private static bool LooksLikeFeed(FetchedPage page)
    {
        try
        {
            FeedReader.Read(page.Content, page.Url, page.ContentType, null);
            return true;
        }
        catch (FeedFormatException)
        {
            return false;
        }
    }

    private static Source AdHoc(Uri url, Uri? feed, SourceListing? listing, ExtractionSelectors selectors, string language) =>
        new("check", url.Host, language, feed, listing, selectors, SourceCatalog.DefaultInterval);

    private static FetchCheck Describe(FetchedPage page) =>
        new(page.Url, page.Outcome.ToName(), page.HttpStatus, page.ContentType, page.Content.LongLength, Math.Round(page.Duration.TotalMilliseconds), page.Error);

    private static string? Iso(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Length(string text) => text.Length.ToString(CultureInfo.InvariantCulture) + " chars";
}
