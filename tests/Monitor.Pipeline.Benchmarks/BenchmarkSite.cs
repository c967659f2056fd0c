using System.Globalization;
using System.Text;
using MinistryMonitor.Cli.Demo;

namespace MinistryMonitor.Pipeline.Benchmarks;

/// <summary>
/// A loopback ministry site for the benchmark: half of the sources are RSS feeds carrying full text, half are
/// listing pages linking to statement pages; every statement is about <see cref="StatementBytes"/> of HTML.
/// </summary>
public sealed class BenchmarkSite(LoopbackSite site, int sources, int statementsPerSource)
{
    public const int StatementBytes = 3 * 1024;
    private readonly List<(string Path, int Bytes)> _paths = [];

    public IReadOnlyList<object> SourceEntries { get; private set; } = [];

    public int Statements => sources * statementsPerSource;

    public void Build()
    {
        var entries = new List<object>();
        for (var s = 0; s < sources; s++)
        {
            var id = $"s{s:000}";
            if (s % 2 == 0)
            {
                var feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>")
                    .Append(id).Append("</title>");
                for (var i = 0; i < statementsPerSource; i++)
                {
                    feed.Append(CultureInfo.InvariantCulture, $"<item><title>Statement {i} of {id}</title><link>{site.UrlOf($"{id}/{i}.html")}</link><guid>{id}-{i}</guid>")
                        .Append(CultureInfo.InvariantCulture, $"<pubDate>Tue, 25 Jul 2023 09:{i % 60:00}:00 +0000</pubDate><content:encoded><![CDATA[")
                        .Append(Paragraphs(id, i)).Append("]]></content:encoded></item>");
                }
                feed.Append("</channel></rss>");
                Put($"{id}/feed.xml", feed.ToString(), "application/rss+xml; charset=utf-8");
                entries.Add(new { id, name = id, language = "en", feed = site.UrlOf($"{id}/feed.xml").AbsoluteUri });
            }
            else
            {
                var listing = new StringBuilder("<html><body><ul class=\"news\">");
                for (var i = 0; i < statementsPerSource; i++)
                {
                    listing.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/{id}/{i}.html\">Statement {i}</a></li>");
                    Put($"{id}/{i}.html", $"<html><head><title>Statement {i} of {id}</title></head><body><nav>Home · News</nav><article><h1>Statement {i} of {id}</h1><div class=\"body\">{Paragraphs(id, i)}</div></article><footer>Ministry</footer></body></html>", "text/html; charset=utf-8");
                }
                listing.Append("</ul></body></html>");
                Put($"{id}/", listing.ToString(), "text/html; charset=utf-8");
                entries.Add(new
                {
                    id, name = id, language = "en",
                    listing = new { url = site.UrlOf($"{id}/").AbsoluteUri, links = "ul.news a" },
                    selectors = new { body = "div.body" },
                    recheckHours = 0,
                });
            }
        }
        SourceEntries = entries;
    }

    /// <summary>Requests served and body bytes sent so far (304 answers send no body).</summary>
    public (long Requests, long BodyBytes) Served()
    {
        long requests = site.HitsOf("robots.txt"), bytes = 0;
        foreach (var (path, length) in _paths)
        {
            var hits = site.HitsOf(path);
            requests += hits;
            bytes += (long)(hits - site.NotModifiedOf(path)) * length;
        }
        return (requests, bytes);
    }

    private void Put(string path, string content, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        site.Set(path, bytes, contentType);
        _paths.Add((path, bytes.Length));
    }

    private static string Paragraphs(string id, int i)
    {
        var text = new StringBuilder();
        var n = 0;
        while (text.Length < StatementBytes)
            text.Append(CultureInfo.InvariantCulture, $"<p>Paragraph {n++} of statement {i} from {id}: the ministry reiterates its position on regional cooperation, trade and transport links, and calls on all parties to continue the dialogue.</p>");
        return text.ToString();
    }
}
