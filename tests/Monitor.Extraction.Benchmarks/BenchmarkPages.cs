using System.Text;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>The benchmark pages decoded into memory once, so that timings measure parsing and extraction only.</summary>
internal sealed record BenchmarkPages(IReadOnlyList<string> Html, long Bytes)
{
    public static BenchmarkPages Load(string folder)
    {
        var pages = new List<string>();
        long bytes = 0;
        foreach (var file in BatchExtractor.PagesIn(folder))
        {
            using var stream = File.OpenRead(file);
            var html = HtmlDecoder.Decode(stream, null).Html;
            pages.Add(html);
            bytes += Encoding.UTF8.GetByteCount(html);
        }
        return new BenchmarkPages(pages, bytes);
    }
}
