using System.Diagnostics;
using AngleSharp.Html.Parser;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>Time and memory per page as pages grow: synthetic pages of 100 KB, 1 MB and 10 MB, on one core.</summary>
internal static class SizeBenchmark
{
    public static void Run()
    {
        SingleCore.Pin();
        Console.WriteLine("== time and memory per page by size (one core)");
        Console.WriteLine("{0,8} {1,12} {2,12} {3,16} {4,12}", "size", "bare parse", "extractor", "allocated/page", "DOM held");
        var extractor = new StatementExtractor();
        extractor.Extract(SyntheticPage.OfSize(50_000));
        foreach (var (label, size, repeats) in new[] { ("100 KB", 100 * 1024, 20), ("1 MB", 1024 * 1024, 5), ("10 MB", 10 * 1024 * 1024, 3) })
        {
            var html = SyntheticPage.OfSize(size);
            new HtmlParser().ParseDocument(html).Dispose();
            extractor.Extract(html);
            var bare = Time(() => new HtmlParser().ParseDocument(html).Dispose(), repeats, out _);
            var full = Time(() => extractor.Extract(html), repeats, out var allocated);
            Console.WriteLine("{0,8} {1,9:F1} ms {2,9:F1} ms {3,13:F1} MB {4,9:F1} MB",
                label, bare.TotalMilliseconds, full.TotalMilliseconds, allocated / 1048576.0, DomFootprint(html) / 1048576.0);
        }
        Console.WriteLine();
    }

    /// <summary>Live memory of the parsed document: what a page costs while it is being extracted.</summary>
    private static long DomFootprint(string html)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var document = new HtmlParser().ParseDocument(html);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(document);
        document.Dispose();
        return after - before;
    }

    /// <summary>Median time of the repeats and the bytes allocated per run.</summary>
    private static TimeSpan Time(Action work, int repeats, out long allocatedPerRun)
    {
        var times = new List<TimeSpan>();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            work();
            times.Add(stopwatch.Elapsed);
        }
        allocatedPerRun = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / repeats;
        times.Sort();
        return times[times.Count / 2];
    }
}
