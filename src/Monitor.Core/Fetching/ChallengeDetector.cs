using System.Net;
using System.Text;

namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// Recognises a site turning the monitor away instead of answering: 403 or 429 (a WAF or a rate limit), a feed
/// URL answering HTML (a bot wall), and the JavaScript or cookie gates of the common anti-bot services. Such a
/// response is logged as <c>blocked</c>, never parsed or archived as a statement.
/// </summary>
public static class ChallengeDetector
{
    /// <summary>Challenge pages are small; a full statement page that merely quotes one of these phrases is not one.</summary>
    private const int MaxChallengeBytes = 64 * 1024;

    private static readonly (string Marker, string Service)[] Markers =
    [
        ("/cdn-cgi/challenge-platform", "Cloudflare challenge"),
        ("cf-browser-verification", "Cloudflare challenge"),
        ("cf_chl_opt", "Cloudflare challenge"),
        ("<title>Just a moment...</title>", "JavaScript challenge"),
        ("Checking your browser before accessing", "JavaScript challenge"),
        ("_Incapsula_Resource", "Imperva/Incapsula challenge"),
        ("Request unsuccessful. Incapsula incident", "Imperva/Incapsula challenge"),
        ("ddos-guard", "DDoS-Guard challenge"),
        ("__ddg1", "DDoS-Guard challenge"),
        ("/_guard/", "JavaScript challenge"),
        ("captcha-delivery.com", "DataDome challenge"),
        ("geo.captcha-delivery", "DataDome challenge"),
        ("Please enable JavaScript and cookies", "JavaScript and cookie gate"),
        ("enable JavaScript and cookies to continue", "JavaScript and cookie gate"),
        ("Access Denied</h1>", "access denied page"),
        ("The requested URL was rejected. Please consult with your administrator", "F5 BIG-IP ASM block page"),
        ("Pardon Our Interruption", "Distil/Imperva bot wall"),
    ];

    /// <summary>
    /// Why an error status means the site refuses the monitor, or null for an ordinary error. (A 429 that says when to
    /// come back with Retry-After is no refusal: the fetcher reschedules the host instead of asking here.)
    /// </summary>
    public static string? FromStatus(HttpStatusCode status, string? server) => status switch
    {
        HttpStatusCode.Forbidden => "HTTP 403 Forbidden: the site refuses the monitor" + Server(server) + " (a WAF or bot filter? try the source's \"userAgent\" or \"headers\")",
        HttpStatusCode.TooManyRequests => "HTTP 429 Too Many Requests: rate limited" + Server(server)
            + " without Retry-After (raise the source's intervalMinutes or Fetch:MinDelayMilliseconds)",
        _ => null,
    };

    /// <summary>Why a successful response is a challenge rather than content, or null when it is content.</summary>
    public static string? FromContent(FetchPurpose purpose, string? contentType, ReadOnlySpan<byte> content)
    {
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, MaxChallengeBytes)]);
        var isHtml = contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
            || head.TrimStart().StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase);
        if (!isHtml) return null;

        string? marker = null;
        if (content.Length <= MaxChallengeBytes)
            marker = Markers.Where(m => head.Contains(m.Marker, StringComparison.OrdinalIgnoreCase)).Select(m => m.Service).FirstOrDefault();

        if (purpose == FetchPurpose.Feed && !FeedReader.LooksLikeFeed(content, contentType))
            return $"the feed URL answered HTML ({contentType ?? "no content type"}) instead of RSS or Atom" + (marker is null ? ": a bot wall or a moved feed" : $": {marker}");
        return marker is null ? null : $"the site answered a challenge page ({marker}) instead of the content";
    }

    private static string Server(string? server) => string.IsNullOrWhiteSpace(server) ? string.Empty : $" (server: {server})";
}
