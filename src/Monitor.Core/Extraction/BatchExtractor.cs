using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace MinistryMonitor.Core.Extraction;

/// <summary>One page the batch could not extract, and why.</summary>
public sealed record BatchFailure(string File, string Reason);

/// <summary>What a batch run did: pages written, bytes of HTML (after gunzip), time taken and the pages refused.</summary>
public sealed record BatchResult(int Pages, long Bytes, TimeSpan Elapsed, IReadOnlyList<BatchFailure> Failures);

/// <summary>
/// Extracts the body text (generic extractor) of every <c>*.html</c> and <c>*.html.gz</c> page in a folder into
/// <c>&lt;name&gt;.txt</c> files, so that whole benchmarks can be scored.
/// </summary>
public sealed class BatchExtractor(StatementExtractor extractor, ExtractionLimits? limits = null)
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly ExtractionLimits _limits = limits ?? ExtractionLimits.Default;

    public static IReadOnlyList<string> PagesIn(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>"page.html.gz" and "page.html" both give "page".</summary>
    public static string PageName(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        return name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
    }

    public BatchResult Run(string inputFolder, string outputFolder, int maxParallelism = 1, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(inputFolder)) throw new DirectoryNotFoundException($"Input folder '{inputFolder}' does not exist.");
        Directory.CreateDirectory(outputFolder);
        var pages = PagesIn(inputFolder);
        var failures = new ConcurrentBag<BatchFailure>();
        long bytes = 0;
        var stopwatch = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken };
        Parallel.ForEach(pages, options, page =>
        {
            var raw = File.ReadAllBytes(page);
            string text;
            try
            {
                using var stream = new MemoryStream(raw, writable: false);
                var html = HtmlDecoder.Decode(stream, contentType: null, _limits).Html;
                Interlocked.Add(ref bytes, Encoding.UTF8.GetByteCount(html));
                text = extractor.ExtractBodyText(html);
            }
            catch (ExtractionException e)
            {
                // A refused page gets an empty prediction and a line in the report; the batch goes on.
                failures.Add(new BatchFailure(page, e.Message));
                text = string.Empty;
            }
            File.WriteAllText(Path.Combine(outputFolder, PageName(page) + ".txt"), text, Utf8NoBom);
        });
        return new BatchResult(pages.Count, bytes, stopwatch.Elapsed, failures.OrderBy(f => f.File, StringComparer.Ordinal).ToList());
    }
}
