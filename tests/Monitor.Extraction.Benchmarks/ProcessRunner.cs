using System.Diagnostics;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>Runs an external tool (python3, node, npm), echoing nothing, returning its exit code and output.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output, string Error) Run(string fileName, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + fileName);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
