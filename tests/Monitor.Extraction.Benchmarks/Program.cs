using MinistryMonitor.Extraction.Benchmarks;

// Usage: dotnet run -c Release --project tests/Monitor.Extraction.Benchmarks -- [quality|speed|sizes|readability|all]
var what = args.Length > 0 ? args[0] : "all";
var shared = BenchmarkPaths.SharedFolder();
var pagesFolder = Path.Combine(shared, "benchmarks", "article-extraction", "html");

var known = new[] { "quality", "speed", "sizes", "readability", "all" };
if (!known.Contains(what))
{
    Console.Error.WriteLine("usage: Monitor.Extraction.Benchmarks [quality|speed|sizes|readability|all]");
    return 2;
}
if (what is "quality" or "all") QualityBenchmark.Run(shared);
if (what is "speed" or "all") SpeedBenchmark.Run(pagesFolder);
if (what is "sizes" or "all") SizeBenchmark.Run();
if (what is "readability" or "all") ReadabilityComparison.Run(pagesFolder);
return 0;
