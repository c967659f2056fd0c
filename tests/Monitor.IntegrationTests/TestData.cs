using System.Text;
using MinistryMonitor.Core.Tests;

namespace MinistryMonitor.IntegrationTests;

/// <summary>Shared test inputs: topic and subscriber entries, and readers for the files in ../shared.</summary>
internal static class TestData
{
    public static object Topic(string id, params string[] terms) => new { id, name = id, terms };

    public static object Subscriber(string email, params string[] topics) => new { email, topics };

    public static object FeedSource(string id, string path) => new { id, name = id, language = "en", feed = "{{BASE}}" + path };

    public static object ListingSource(string id, string path, string links, string? body = null) => body is null
        ? new { id, name = id, language = "en", listing = new { url = "{{BASE}}" + path, links } }
        : new { id, name = id, language = "en", listing = new { url = "{{BASE}}" + path, links }, selectors = new { body } };

    /// <summary>The seed statement as an HTML page: blank-line separated blocks become paragraphs.</summary>
    public static string SeedStatementPage()
    {
        var text = File.ReadAllText(SharedData.PathOf("seeds", "trilateral-meeting-statement.txt"));
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>On the trilateral meeting</title></head><body>");
        html.Append("<nav><a href=\"/\">Home</a></nav><article><h1>On the trilateral meeting</h1>");
        foreach (var block in System.Text.RegularExpressions.Regex.Split(text.ReplaceLineEndings("\n"), @"\n[ \t]*\n").Select(b => b.Trim()).Where(b => b.Length > 0))
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(block)).Append("</p>");
        html.Append("</article><footer>Ministry of Foreign Affairs</footer></body></html>");
        return html.ToString();
    }
}
