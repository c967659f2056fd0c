using Monitor.Core.Extraction;

namespace Monitor.Extraction.Benchmarks;

/// <summary>Body quality: the generic extractor over the article-extraction benchmark, scored by its score.py.</summary>
internal static class QualityBenchmark
{
    public static void Run(string pagesFolder, string scoreScript)
    {
        Console.WriteLine("== quality: generic extractor on " + pagesFolder);
        var output = BenchmarkPaths.NewTempFolder("quality");
        var result = new BatchExtractor(new StatementExtractor()).Run(pagesFolder, output, maxParallelism: 1);
        foreach (var failure in result.Failures) Console.WriteLine("refused " + failure.File + ": " + failure.Reason);
        var args = new List<string> { scoreScript, output };
        var perPage = Environment.GetEnvironmentVariable("MONITOR_PER_PAGE");
        if (!string.IsNullOrEmpty(perPage)) args.AddRange(["--per-page", perPage]);
        var (exit, stdout, stderr) = ProcessRunner.Run("python3", Environment.CurrentDirectory, [.. args]);
        Console.Write(stdout);
        if (exit != 0) Console.WriteLine("score.py failed (" + exit + "): " + stderr);
        Console.WriteLine("predictions in " + output);
        Console.WriteLine();
    }
}
