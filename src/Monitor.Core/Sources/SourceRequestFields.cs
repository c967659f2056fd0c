using System.Text.Json;
using System.Text.RegularExpressions;
using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Core.Sources;

/// <summary>Reads and validates a source's <c>userAgent</c>, <c>headers</c> and <c>allowedHosts</c> fields.</summary>
internal static partial class SourceRequestFields
{
    // Headers the fetcher sets itself: conditional requests, compression and the connection are its business.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Upgrade", "TE", "Trailer", "Keep-Alive", "Proxy-Connection",
        "Accept-Encoding", "If-None-Match", "If-Modified-Since", "User-Agent",
    };

    public static SourceRequestSettings? Parse(JsonElement item, string file, string id)
    {
        var userAgent = SourceCatalog.String(item, "userAgent", file, id);
        if (userAgent is not null && !HeaderValue().IsMatch(userAgent))
            throw new ConfigurationFileException(file, id, "userAgent", "contains control characters");

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (item.TryGetProperty("headers", out var headersElement))
        {
            if (headersElement.ValueKind != JsonValueKind.Object)
                throw new ConfigurationFileException(file, id, "headers", "expected an object of header names and string values, e.g. {\"Accept-Language\": \"ru\"}");
            foreach (var header in headersElement.EnumerateObject())
            {
                var field = $"headers.{header.Name}";
                if (!Token().IsMatch(header.Name))
                    throw new ConfigurationFileException(file, id, field, "is not a valid HTTP header name");
                if (Reserved.Contains(header.Name))
                    throw new ConfigurationFileException(file, id, field, header.Name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)
                        ? "set the User-Agent with the source's \"userAgent\" field"
                        : "is set by the fetcher itself and cannot be overridden");
                if (header.Value.ValueKind != JsonValueKind.String || !HeaderValue().IsMatch(header.Value.GetString()!))
                    throw new ConfigurationFileException(file, id, field, "expected a string without control characters");
                headers[header.Name] = header.Value.GetString()!.Trim();
            }
        }

        var hosts = new List<string>();
        if (item.TryGetProperty("allowedHosts", out var hostsElement))
        {
            if (hostsElement.ValueKind != JsonValueKind.Array)
                throw new ConfigurationFileException(file, id, "allowedHosts", "expected an array of host names, e.g. [\"static.example.org\", \"*.example.org\"]");
            foreach (var host in hostsElement.EnumerateArray())
            {
                var text = host.ValueKind == JsonValueKind.String ? host.GetString()!.Trim().ToLowerInvariant() : null;
                var bare = text is not null && text.StartsWith("*.", StringComparison.Ordinal) ? text[2..] : text;
                if (text != "*" && (bare is null || Uri.CheckHostName(bare) != UriHostNameType.Dns))
                    throw new ConfigurationFileException(file, id, "allowedHosts", $"'{host}' is not a host name (\"www.example.org\", \"*.example.org\" or \"*\")");
                hosts.Add(text!);
            }
        }

        return userAgent is null && headers.Count == 0 && hosts.Count == 0 ? null : new SourceRequestSettings(userAgent, headers, hosts);
    }

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[^\x00-\x08\x0A-\x1F\x7F]*$")]
    private static partial Regex HeaderValue();
}
