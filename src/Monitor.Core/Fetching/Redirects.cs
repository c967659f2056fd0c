namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// Where a redirect leads, and whether it may be followed: only to http and https, and never from https down to http.
/// Any other target (file:, ftp:, gopher:, javascript:, data:, a Location that is no URL) is refused with its reason,
/// never thrown.
/// </summary>
public static class Redirects
{
    public static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>Whether <paramref name="url"/> is one the monitor fetches at all: absolute http or https.</summary>
    public static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <returns>The target (null without a Location), or why it is refused.</returns>
    public static (Uri? Target, string? Problem) Target(Uri from, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Location", out var values)) return (null, null);
        var location = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(location)) return (null, null);
        if (!Uri.TryCreate(from, location, out var target))
            return (null, $"redirect to \"{Shorten(location)}\" refused: not a URL");
        if (!IsHttp(target))
            return (null, $"redirect to {target.Scheme}: ({Shorten(location)}) refused: only http and https are followed");
        if (from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
            return (null, $"redirect from https to http ({Shorten(location)}) refused: it would drop the encryption");
        return (target, null);
    }

    private static string Shorten(string location) => location.Length <= 200 ? location : location[..200] + "…";
}
