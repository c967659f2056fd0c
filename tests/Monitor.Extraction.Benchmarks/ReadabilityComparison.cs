namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>
/// Readability.js on jsdom (readability/extract.js) against <c>monitor extract --in/--out</c>, both as separate
/// processes over the same pages, wall time including start-up; both outputs are also scored with score.py.
/// </summary>
internal static class ReadabilityComparison
{
    public static void Run(string pagesFolder)
    {
        Console.WriteLine("== Readability.js (jsdom) vs monitor extract --in/--out on " + pagesFolder);
        var readabilityFolder = BenchmarkPaths.ReadabilityFolder();
        if (!Directory.Exists(Path.Combine(readabilityFolder, "node_modules")))
        {
            Console.WriteLine("installing Readability.js and jsdom (npm ci) ...");
            var (code, _, error) = ProcessRunner.Run("npm", readabilityFolder, "ci", "--no-audit", "--no-fund");
            if (code != 0) throw new InvalidOperationException("npm ci failed: " + error);
        }
        var monitorDll = MonitorCli.Build();
        var scoreScript = Path.Combine(Path.GetDirectoryName(pagesFolder)!, "score.py");

        var jsOut = BenchmarkPaths.NewTempFolder("readability");
        var js = MonitorCli.Timed("node", readabilityFolder, "extract.js", pagesFolder, jsOut);
        var oneCore = MonitorCli.Timed("dotnet", BenchmarkPaths.RepositoryRoot(), monitorDll, "extract", "--in", pagesFolder, "--out", BenchmarkPaths.NewTempFolder("monitor1"), "--parallel", "1");
        var monitorOut = BenchmarkPaths.NewTempFolder("monitor");
        var allCores = MonitorCli.Timed("dotnet", BenchmarkPaths.RepositoryRoot(), monitorDll, "extract", "--in", pagesFolder, "--out", monitorOut);

        Print("Readability.js 0.6 + jsdom 26", js);
        Print("monitor extract, --parallel 1", oneCore);
        Print("monitor extract, all " + Environment.ProcessorCount + " cores", allCores);
        Console.WriteLine("throughput vs Readability.js (wall time, start-up included): one core {0:F1}x, all cores {1:F1}x (goal >= 10x)",
            js.Wall.TotalSeconds / oneCore.Wall.TotalSeconds, js.Wall.TotalSeconds / allCores.Wall.TotalSeconds);
        Console.WriteLine("Readability.js quality on the same pages:");
        Console.Write(ProcessRunner.Run("python3", Environment.CurrentDirectory, scoreScript, jsOut).Output);
        Console.WriteLine("monitor extract quality:");
        Console.Write(ProcessRunner.Run("python3", Environment.CurrentDirectory, scoreScript, monitorOut).Output);
        Console.WriteLine();
    }

    private static void Print(string label, (TimeSpan Wall, string Report) run) =>
        Console.WriteLine("{0,-34} wall {1,7:F2} s | own report: {2}", label, run.Wall.TotalSeconds, run.Report);
}
