using System.Globalization;
using MinistryMonitor.Core.Checking;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Cli.Output;

/// <summary>How <c>monitor check-source</c> prints a <see cref="SourceCheck"/>: a few lines per statement, or one JSON document.</summary>
public static class SourceCheckReport
{
    private const int MaxValueWidth = 100;

    public static void Write(TextWriter writer, SourceCheck check, bool json)
    {
        if (json)
        {
            writer.WriteLine(PipelineJson.Serialize(check));
            return;
        }
        writer.WriteLine($"{check.SourceId ?? "(url)"}  {check.Kind}  {check.Url}");
        writer.WriteLine($"  fetch:  {Fetch(check.Fetch)}");
        if (check.Sitemaps is { Count: > 0 } sitemaps) writer.WriteLine($"  sitemaps in robots.txt: {Cut(string.Join(", ", sitemaps))}");
        var found = check.Kind switch
        {
            "feed" => "items in the feed",
            "sitemap" => "statements in the sitemap",
            "page" => "page",
            _ => $"links found by '{check.LinkSelector}'",
        };
        writer.WriteLine($"  {found}: {check.LinksFound.ToString(CultureInfo.InvariantCulture)}");
        if (check.Skipped is not null) writer.WriteLine($"  skipped: {Cut(check.Skipped)}");
        if (check.Problem is not null) writer.WriteLine($"  problem: {Cut(check.Problem)}");
        var n = 0;
        foreach (var s in check.Statements)
        {
            writer.WriteLine($"  {++n}. {s.Url}");
            if (s.Fetch is not null) writer.WriteLine($"     fetch:  {Fetch(s.Fetch)}");
            else writer.WriteLine("     fetch:  (the feed carries the text)");
            if (s.Title is not null) writer.WriteLine($"     title:  {Cut(s.Title.Describe())}");
            if (s.Date is not null) writer.WriteLine($"     date:   {Cut(s.Date.Describe())}");
            if (s.Body is not null) writer.WriteLine($"     body:   {Cut(s.Body.Describe())}");
            if (s.DocumentNumber is { Selector: not null } number) writer.WriteLine($"     number: {Cut(number.Describe())}");
            if (s.Method is not null) writer.WriteLine($"     method: {s.Method}");
            if (s.Error is not null) writer.WriteLine($"     error:  {Cut(s.Error)}");
        }
        writer.WriteLine(check.Healthy ? "OK" : "NOT OK");
    }

    private static string Fetch(FetchCheck f) =>
        $"{f.Outcome}, HTTP {f.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {f.ContentType ?? "no content type"}, " +
        $"{f.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {f.DurationMs.ToString("0", CultureInfo.InvariantCulture)} ms" +
        (f.Error is null ? string.Empty : $": {Cut(f.Error)}");

    // A ministry's text in a terminal: one line, no control characters, bounded.
    private static string Cut(string value)
    {
        var flat = new string(value.ReplaceLineEndings(" ").Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return flat.Length <= MaxValueWidth ? flat : string.Concat(flat.AsSpan(0, MaxValueWidth - 1), "…");
    }
}
