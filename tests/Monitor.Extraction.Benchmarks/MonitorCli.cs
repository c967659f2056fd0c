using System.Diagnostics;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>The Release build of the <c>monitor</c> command, run as its own process and timed (start-up included).</summary>
internal static class MonitorCli
{
    public static string Build()
    {
        var root = BenchmarkPaths.RepositoryRoot();
        var dll = Path.Combine(root, "src", "Monitor.Cli", "bin", "Release", "net10.0", "monitor.dll");
        Console.WriteLine("building monitor (Release) ...");
        var (code, output, _) = ProcessRunner.Run("dotnet", root, "build", "-c", "Release", "-v", "q", "-nologo", Path.Combine("src", "Monitor.Cli"));
        if (code != 0 || !File.Exists(dll)) throw new InvalidOperationException("building the monitor CLI failed: " + output);
        return dll;
    }

    public static (TimeSpan Wall, string Report) Timed(string fileName, string workingDirectory, params string[] arguments)
    {
        var stopwatch = Stopwatch.StartNew();
        var (code, output, error) = ProcessRunner.Run(fileName, workingDirectory, arguments);
        var wall = stopwatch.Elapsed;
        if (code != 0) throw new InvalidOperationException(fileName + " failed (" + code + "): " + error);
        return (wall, output.Trim());
    }
}
