using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace MinistryMonitor.Core.Tests.Detection;

/// <summary>
/// Reads the replayed State Department press feed (shared/corpora/state-dept-press-feed): gzipped RSS 2.0
/// snapshots, where an item keeps its guid and sometimes has its content:encoded edited between snapshots.
/// </summary>
internal static class StateDeptFeed
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly Lazy<IReadOnlyList<Edit>> AllEdits = new(FindEdits);

    /// <summary>An item whose statement text changed from one snapshot to a later one.</summary>
    internal sealed record Edit(string Guid, string OldSnapshot, string NewSnapshot, string OldText, string NewText);

    public static IReadOnlyList<Edit> Edits => AllEdits.Value;

    /// <summary>The item's statement text (paragraphs separated by blank lines) in the snapshot numbered <paramref name="number"/>.</summary>
    public static string ItemText(string number, string guid)
    {
        var file = SharedData.FeedSnapshot(number);
        var html = Items(file).Single(i => i.Guid == guid).Html;
        return ToText(html);
    }

    public static Edit EditOf(string guid, string oldNumber, string newNumber) =>
        new(guid, oldNumber, newNumber, ItemText(oldNumber, guid), ItemText(newNumber, guid));

    /// <summary>The text of the &lt;p&gt; elements, as the extraction stage hands statements on.</summary>
    public static string ToText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return string.Join("\n\n", document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Where(t => t.Length > 0));
    }


    private static IReadOnlyList<Edit> FindEdits()
    {
        var last = new Dictionary<string, (string Snapshot, string Html)>(StringComparer.Ordinal);
        var edits = new List<Edit>();
        foreach (var file in SharedData.FeedSnapshots())
        {
            var snapshot = Path.GetFileName(file)[..4];
            foreach (var (guid, html) in Items(file))
            {
                if (last.TryGetValue(guid, out var before) && before.Html != html)
                {
                    var oldText = ToText(before.Html);
                    var newText = ToText(html);
                    if (oldText != newText) edits.Add(new Edit(guid, before.Snapshot, snapshot, oldText, newText));
                }
                last[guid] = (snapshot, html);
            }
        }
        return edits;
    }

    private static IEnumerable<(string Guid, string Html)> Items(string file)
    {
        var feed = XDocument.Load(new MemoryStream(SharedData.ReadFeedSnapshot(file)));
        return feed.Descendants("item")
            .Select(i => ((string?)i.Element("guid") ?? "", (string?)i.Element(Content + "encoded") ?? ""))
            .ToList();
    }
}
