namespace MinistryMonitor.Web;

/// <summary>Addresses of the reader's pages, and the one rule for links to ministry sites.</summary>
public static class StatementLinks
{
    public static string Page(string source, string id) => $"/statements/{Uri.EscapeDataString(source)}/{Uri.EscapeDataString(id)}";

    /// <summary>The original's address when it is http(s); null for anything else (javascript:, data:, file:), which is never linked.</summary>
    public static string? Original(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url.AbsoluteUri : null;
}
