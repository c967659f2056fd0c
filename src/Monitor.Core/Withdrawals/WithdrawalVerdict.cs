using System.Net;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Withdrawals;

/// <summary>What a fetch of an archived statement's page says about it.</summary>
public enum PageState
{
    /// <summary>It answers (200 or 304) at its own address.</summary>
    Present,

    /// <summary>404, 410, or a redirect to a listing or home page: the ministry took it down.</summary>
    Withdrawn,

    /// <summary>Anything else (5xx, network, a challenge page, robots.txt): says nothing, and never marks a withdrawal.</summary>
    Unknown,
}

/// <summary>Judges a fetch of an archived statement's page: withdrawn, present, or unknown (transient failures).</summary>
public static class WithdrawalVerdict
{
    public static (PageState State, string? Reason) Judge(Source source, Uri requested, FetchedPage page)
    {
        if (page.Outcome == IngestionOutcome.HttpError && page.HttpStatus is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Gone)
            return (PageState.Withdrawn, $"HTTP {page.HttpStatus}");
        if (page.Outcome == IngestionOutcome.Ok && RedirectsAway(source, requested, page.Url))
            return (PageState.Withdrawn, $"redirected to {page.Url.AbsoluteUri}");
        return page.Outcome is IngestionOutcome.Ok or IngestionOutcome.NotModified ? (PageState.Present, null) : (PageState.Unknown, null);
    }

    /// <summary>
    /// A redirect that ends on the site's home page, on the source's listing or feed, or on a page whose path is a shorter
    /// prefix of the statement's (<c>/news/2026/05/statement</c> → <c>/news</c>): where a ministry sends the readers
    /// of a statement it removed. A redirect to another statement (a moved page) is not one.
    /// </summary>
    public static bool RedirectsAway(Source source, Uri requested, Uri final)
    {
        if (Uri.Compare(requested, final, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0) return false;
        var (finalSegments, requestedSegments) = (Segments(final), Segments(requested));
        // The home page; unless the statement itself lives at the root (/?p=123), where a redirect to /?p=123&lang=en is no removal.
        if (finalSegments.Length == 0) return requestedSegments.Length > 0 || final.Query.TrimStart('?').Length == 0;
        if (Segments(source.DiscoveryUrl).SequenceEqual(finalSegments, StringComparer.OrdinalIgnoreCase)) return true;
        return finalSegments.Length < requestedSegments.Length
            && requestedSegments.Take(finalSegments.Length).SequenceEqual(finalSegments, StringComparer.OrdinalIgnoreCase)
            && string.Equals(requested.IdnHost, final.IdnHost, StringComparison.OrdinalIgnoreCase);
    }

    private static string[] Segments(Uri url) => url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
