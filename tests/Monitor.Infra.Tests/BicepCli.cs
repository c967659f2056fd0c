using System.Diagnostics;

namespace MinistryMonitor.Infra.Tests;

/// <summary>Runs the Bicep CLI from the NuGet package. No network: the templates use local modules only.</summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
    }

    private static readonly Lazy<Result> MainBuild = new(() => Run(InfraPaths.InfraDirectory, "build", InfraPaths.MainBicep, "--stdout"));

    /// <summary><c>bicep build infra/main.bicep --stdout</c>, run once for all tests.</summary>
    public static Result BuildMain() => MainBuild.Value;

    public static Result Run(string workingDirectory, params string[] arguments)
    {
        var bicep = InfraPaths.BicepExecutable;
        if (!File.Exists(bicep))
            throw new FileNotFoundException("The Bicep CLI is missing: restore the Azure.Bicep.CommandLine.linux-x64 package.", bicep);
        EnsureExecutable(bicep);

        var start = new ProcessStartInfo(bicep)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // No telemetry, no update checks: the CLI must work offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bicep}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>NuGet does not always keep the execute bit of a file inside a package.</summary>
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(path, mode | execute);
    }
}
