using System.Reflection;

namespace MinistryMonitor.Cli.Demo;

/// <summary>
/// The sample ministry site the demo watches: an English RSS feed and a Russian listing page with statements,
/// embedded in this assembly. In cycle 2 the files named <c>*.cycle2.*</c> replace their originals: one
/// statement is edited to mention a new topic, and a new statement appears.
/// </summary>
public sealed class DemoSite(LoopbackSite site)
{
    private const string Prefix = "demo-site/";
    private const string Cycle2Marker = ".cycle2";

    public Uri FeedUrl => site.UrlOf("press/feed.xml");
    public Uri ListingUrl => site.UrlOf("ru/news/");

    public void ServeCycle(int cycle)
    {
        foreach (var (path, content) in Resources())
        {
            var isVariant = path.Contains(Cycle2Marker, StringComparison.Ordinal);
            if (isVariant && cycle < 2) continue;
            var served = isVariant ? path.Replace(Cycle2Marker, string.Empty, StringComparison.Ordinal) : path;
            if (!isVariant && cycle >= 2 && Resources().Any(r => r.Path == VariantOf(path))) continue;
            if (served.EndsWith("/index.html", StringComparison.Ordinal)) served = served[..^"index.html".Length];
            var contentType = served.EndsWith(".xml", StringComparison.Ordinal) ? "application/rss+xml; charset=utf-8" : "text/html; charset=utf-8";
            site.Set(served, content.Replace("{{BASE}}", site.BaseUrl.AbsoluteUri, StringComparison.Ordinal), contentType);
        }
    }

    private static string VariantOf(string path)
    {
        var dot = path.LastIndexOf('.');
        return path[..dot] + Cycle2Marker + path[dot..];
    }

    private static IEnumerable<(string Path, string Content)> Resources()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[Prefix.Length..].Replace('\\', '/'), reader.ReadToEnd());
        }
    }
}
