using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>
/// The statements of the replayed State Department feed (shared/corpora/state-dept-press-feed): every distinct
/// text of every item, in the order seen, each with the text it had before (null for an item's first version), as
/// the detect stage meets them.
/// </summary>
internal static partial class RealStatements
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public static List<(string? Previous, string Current)> Load(string sharedDirectory)
    {
        var folder = Path.Combine(sharedDirectory, "corpora", "state-dept-press-feed", "snapshots");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No feed snapshots at {folder}: set MONITOR_SHARED_DIR to the shared data folder.");
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        var versions = new List<(string? Previous, string Current)>();
        foreach (var file in Directory.GetFiles(folder, "*.rss.gz").Order(StringComparer.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            foreach (var item in XDocument.Load(gzip).Descendants("item"))
            {
                var guid = (string?)item.Element("guid") ?? "";
                var text = ToText((string?)item.Element(Content + "encoded") ?? "");
                if (last.TryGetValue(guid, out var before) && before == text) continue;
                versions.Add((last.GetValueOrDefault(guid), text));
                last[guid] = text;
            }
        }
        return versions;
    }

    /// <summary>Paragraph texts separated by blank lines, as extraction hands statements on (a benchmark needs no HTML parser).</summary>
    private static string ToText(string html) =>
        string.Join("\n\n", Paragraph().Matches(html)
            .Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")).Trim())
            .Where(p => p.Length > 0));

    [GeneratedRegex(@"<p[^>]*>(.*?)</p>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
