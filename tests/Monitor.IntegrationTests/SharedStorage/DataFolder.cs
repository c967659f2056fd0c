using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryMonitor.IntegrationTests.SharedStorage;

/// <summary>
/// A data folder several <c>monitor</c> processes use at once, as a user starts them from one working directory:
/// the configuration files, the environment, and what the tests look at from outside (Azurite processes, the record).
/// </summary>
internal sealed partial class DataFolder : IDisposable
{
    private readonly List<MonitorProcess> _started = [];

    public DataFolder(string feedUrl, IReadOnlyDictionary<string, string>? environment = null, string? directory = null)
    {
        Directory = directory ?? System.IO.Directory.CreateTempSubdirectory("monitor-shared-").FullName;
        ProcessLifetimeTests.WriteConfiguration(Directory, feedUrl);
        Environment = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            // The ministry is a loopback site, which fetching refuses unless told otherwise.
            ["Fetch__AllowPrivateNetworks"] = "true",
            ["Fetch__MinDelayMilliseconds"] = "0",
        };
    }

    public string Directory { get; }

    public Dictionary<string, string> Environment { get; }

    public string RecordPath => Path.Combine(Directory, ".monitor", "storage.json");

    /// <summary>A long-running command (serve, run without --once), killed with its tree when the test ends.</summary>
    public MonitorProcess Start(params string[] args)
    {
        var process = MonitorProcess.StartProgram("dotnet", [MonitorDll, .. args], Directory, Environment);
        lock (_started) _started.Add(process);
        return process;
    }

    public MonitorProcess StartServe() => Start("serve", "--port", "0", "-v");

    public Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        MonitorProcess.RunAsync("dotnet", [MonitorDll, .. args], Directory, Environment);

    /// <summary>The built command; MONITOR_CLI_DLL points at another build (to measure another version of the code).</summary>
    private static string MonitorDll =>
        System.Environment.GetEnvironmentVariable("MONITOR_CLI_DLL") is { Length: > 0 } other ? other : Path.Combine(AppContext.BaseDirectory, "monitor.dll");

    /// <summary>The Azurite process and its supervisor a command reports with -v, once it has its storage.</summary>
    public static async Task<(int Azurite, int Supervisor, string Line)> StorageOfAsync(MonitorProcess monitor)
    {
        var line = await monitor.WaitForLineAsync("Azurite runs as process", TimeSpan.FromMinutes(2));
        var match = AzuriteLine().Match(line);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), line);
    }

    public static (int Azurite, int Supervisor) StorageIn(string output)
    {
        var match = AzuriteLine().Match(output);
        Assert.True(match.Success, output);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Every live Azurite (node azurite.js) whose data is this folder's, found by its command line in /proc.</summary>
    public IReadOnlyList<int> AzuriteProcesses()
    {
        var location = $"--location {Path.Combine(Directory, ".monitor", "azurite")}";
        var found = new List<int>();
        foreach (var dir in System.IO.Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (commandLine.Contains("azurite.js", StringComparison.Ordinal) && !commandLine.Contains("azurite-supervisor.js", StringComparison.Ordinal)
                && commandLine.Contains(location, StringComparison.Ordinal) && MonitorProcess.IsRunning(pid))
                found.Add(pid);
        }
        return found;
    }

    /// <summary>SIGTERM, as a service manager stops a command: it hands its work back and lets go of storage.</summary>
    public static async Task StopAsync(MonitorProcess monitor)
    {
        using (var signal = Process.Start("kill", ["-TERM", monitor.Process.Id.ToString(CultureInfo.InvariantCulture)])!) await signal.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await monitor.Process.WaitForExitAsync(limit.Token);
    }

    public void Dispose()
    {
        lock (_started)
        {
            foreach (var process in _started) process.Dispose();
        }
        // Whatever a failed test left (the storage stops within seconds of its last command).
        foreach (var pid in AzuriteProcesses()) MonitorProcess.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written by an exiting process; the temp folder is the system's to clean.
        }
    }

    [GeneratedRegex(@"Azurite runs as process (\d+) under supervisor (\d+)")]
    private static partial Regex AzuriteLine();
}
