using System.Diagnostics;
using AngleSharp.Html.Parser;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>
/// Throughput on one core of the full extractor against AngleSharp's bare ParseDocument over the same pages:
/// the parse is the floor no AngleSharp-based extractor can go below.
/// </summary>
internal static class SpeedBenchmark
{
    private const int Rounds = 7;

    public static void Run(string pagesFolder)
    {
        SingleCore.Pin();
        var pages = BenchmarkPages.Load(pagesFolder);
        Console.WriteLine("== speed on one core: {0} pages, {1:F2} MB of decoded HTML, {2} rounds", pages.Html.Count, pages.Bytes / 1048576.0, Rounds);
        var extractor = new StatementExtractor();

        // Warm-up: JIT, regex construction, AngleSharp's static tables.
        Measure(pages, html => new HtmlParser().ParseDocument(html).Dispose(), 1);
        Measure(pages, html => extractor.Extract(html), 1);

        // Rounds alternate between the three so that load from other processes hits them alike.
        var work = new Action<string>[]
        {
            html => new HtmlParser().ParseDocument(html).Dispose(),
            html => extractor.Extract(html),
            html => extractor.ExtractBodyText(html),
        };
        var times = work.Select(_ => new List<TimeSpan>()).ToArray();
        for (var round = 0; round < Rounds; round++)
            for (var i = 0; i < work.Length; i++) times[i].Add(Measure(pages, work[i], 1));
        var (bare, full, bodyOnly) = (Median(times[0]), Median(times[1]), Median(times[2]));

        Print("AngleSharp ParseDocument (bare)", pages, bare);
        Print("extractor, body only (generic)", pages, bodyOnly);
        Print("extractor, full (body+metadata)", pages, full);
        Console.WriteLine("full extractor / bare parse throughput: {0:F2}x (goal >= 0.5x)", bare.TotalSeconds / full.TotalSeconds);
        Console.WriteLine();
    }

    private static TimeSpan Median(List<TimeSpan> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>The median round: the machine is shared, so single rounds are disturbed now and then.</summary>
    private static TimeSpan Measure(BenchmarkPages pages, Action<string> work, int rounds)
    {
        var times = new List<TimeSpan>();
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var stopwatch = Stopwatch.StartNew();
            foreach (var html in pages.Html) work(html);
            times.Add(stopwatch.Elapsed);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static void Print(string label, BenchmarkPages pages, TimeSpan perRound)
    {
        var seconds = perRound.TotalSeconds;
        Console.WriteLine("{0,-34} {1,8:F1} pages/s {2,7:F2} MB/s  ({3:F1} ms/page)",
            label, pages.Html.Count / seconds, pages.Bytes / 1048576.0 / seconds, seconds * 1000 / pages.Html.Count);
    }
}
