namespace MinistryMonitor.IntegrationTests;

/// <summary>The documented exit codes (docs/cli.md, "Exit codes"): one line for an expected failure, details only with -v.</summary>
[Trait("Category", "Slow")]
public sealed class ExitCodeTests
{
    [Fact]
    public async Task UnknownCommand_ExitsWith2()
    {
        var result = await MonitorAsync([], "statemnts");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("statemnts", result.Output);
    }

    [Fact]
    public async Task Log_MalformedStorageConnectionString_ExitsWith2AndOneMessageWithDetailsOnlyUnderVerbose()
    {
        var settings = new Dictionary<string, string> { ["Storage__ConnectionString"] = "not a connection string" };

        var plain = await MonitorAsync(settings, "log");
        var verbose = await MonitorAsync(settings, "log", "-v");

        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("Storage:ConnectionString is not a storage connection string", plain.Output);
        Assert.DoesNotContain("   at ", plain.Output);
        Assert.Contains("Run with -v for details.", plain.Output);
        Assert.Equal(2, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Output);
    }

    private static async Task<(int ExitCode, string Output)> MonitorAsync(Dictionary<string, string> environment, params string[] args)
    {
        var directory = Directory.CreateTempSubdirectory("monitor-exit-").FullName;
        try
        {
            return await MonitorProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "monitor.dll"), .. args], directory, environment);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
