using System.Text;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>A ministry-like page of a chosen size: chrome, a statement, then an ever longer archive list.</summary>
internal static class SyntheticPage
{
    public static string OfSize(int bytes)
    {
        var html = new StringBuilder(bytes + 4096);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Statement on the border talks - Ministry</title>")
            .Append("<meta property=\"article:published_time\" content=\"2023-07-25T10:00:00+03:00\"></head><body>")
            .Append("<nav><ul>");
        for (var i = 0; i < 30; i++) html.Append("<li><a href=\"/section/").Append(i).Append("\">Section ").Append(i).Append("</a></li>");
        html.Append("</ul></nav><main><article><h1>Statement on the border talks</h1>");
        for (var i = 0; i < 12; i++)
            html.Append("<p>The Ministry of Foreign Affairs notes, in paragraph ").Append(i)
                .Append(", that the delimitation commission met again this week, and that the parties agreed on the next steps ")
                .Append("of the process, including the exchange of maps and the work of the expert groups.</p>");
        html.Append("</article></main><aside class=\"archive\"><h2>Archive</h2><ul>");
        var item = 0;
        while (html.Length < bytes - 64)
        {
            html.Append("<li><span class=\"date\">").Append(1 + item % 28).Append(".07.2023</span> <a href=\"/news/").Append(item)
                .Append("\">Minister receives the ambassador, item ").Append(item).Append("</a></li>\n");
            item++;
        }
        html.Append("</ul></aside></body></html>");
        return html.ToString();
    }
}
