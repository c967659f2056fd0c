using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>
/// Body quality and whole-command speed on both shared benchmarks: <c>monitor extract --in/--out</c> (Release,
/// one worker per core, start-up included in the wall time) writes <c>&lt;id&gt;.txt</c> per page, then each
/// benchmark's own score.py scores the folder; one summary line per benchmark.
/// </summary>
internal static partial class QualityBenchmark
{
    /// <summary>The shared benchmarks: folder name, and the name score.py gives its "every page right" figure.</summary>
    private static readonly (string Name, string AllRightLabel)[] Benchmarks =
    [
        ("web-extraction-eval", "all-right"),
        ("article-extraction", "accuracy"),
    ];

    [GeneratedRegex(@"(?<name>precision|recall|F1|accuracy|all-right)\s+(?<value>[0-9.]+)")]
    private static partial Regex Figure();

    public static void Run(string sharedFolder)
    {
        var monitorDll = MonitorCli.Build();
        var summary = new List<string>();
        foreach (var (name, allRightLabel) in Benchmarks)
        {
            var folder = Path.Combine(sharedFolder, "benchmarks", name);
            var pages = Directory.EnumerateFiles(Path.Combine(folder, "html"), "*.html*").Count();
            Console.WriteLine("== quality: monitor extract --in/--out on " + folder);
            var output = BenchmarkPaths.NewTempFolder("quality-" + name);
            var run = MonitorCli.Timed("dotnet", BenchmarkPaths.RepositoryRoot(), monitorDll, "extract",
                "--in", Path.Combine(folder, "html"), "--out", output);
            Console.WriteLine("monitor: " + run.Report);
            var args = new List<string> { Path.Combine(folder, "score.py"), output };
            var perPage = Environment.GetEnvironmentVariable("MONITOR_PER_PAGE");
            if (!string.IsNullOrEmpty(perPage) && name == "article-extraction") args.AddRange(["--per-page", perPage]);
            var (exit, stdout, stderr) = ProcessRunner.Run("python3", Environment.CurrentDirectory, [.. args]);
            Console.Write(stdout);
            if (exit != 0) Console.WriteLine("score.py failed (" + exit + "): " + stderr);
            Console.WriteLine("predictions in " + output);
            Console.WriteLine();

            var figures = Figure().Matches(stdout).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
            summary.Add(string.Format(CultureInfo.InvariantCulture,
                "{0,-20} F1 {1}  recall {2}  precision {3}  all-right {4}  {5:F1} pages/s ({6} pages, {7:F2} s wall, start-up included)",
                name, figures.GetValueOrDefault("F1", "?"), figures.GetValueOrDefault("recall", "?"),
                figures.GetValueOrDefault("precision", "?"), figures.GetValueOrDefault(allRightLabel, "?"),
                pages / run.Wall.TotalSeconds, pages, run.Wall.TotalSeconds));
        }
        Console.WriteLine("== quality summary (" + Environment.ProcessorCount + " cores)");
        foreach (var line in summary) Console.WriteLine(line);
        Console.WriteLine();
    }
}
