using System.Text.RegularExpressions;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Infrastructure.Azurite;

namespace MinistryMonitor.IntegrationTests;

/// <summary>No process outlives its owner: Azurite stops with the monitor however the monitor ends.</summary>
[Trait("Category", "Slow")]
public sealed partial class ProcessLifetimeTests
{
    [Fact]
    public async Task Run_MonitorKilledWithSigkill_AzuriteAndItsSupervisorExit()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Set("feed.xml", """<rss version="2.0"><channel><title>MFA</title></channel></rss>""", "application/rss+xml");
        var directory = Directory.CreateTempSubdirectory("monitor-kill-").FullName;
        WriteConfiguration(directory, site.UrlOf("feed.xml").AbsoluteUri);

        using var monitor = MonitorProcess.Start(directory, new Dictionary<string, string> { ["Fetch__AllowPrivateNetworks"] = "true" }, "run", "-v");
        var started = AzuriteStarted().Match(await monitor.WaitForLineAsync("Azurite runs as process", TimeSpan.FromMinutes(2)));
        await monitor.WaitForLineAsync("Checking for due sources", TimeSpan.FromMinutes(1));
        var (azurite, supervisor) = (int.Parse(started.Groups[1].Value), int.Parse(started.Groups[2].Value));
        Assert.True(MonitorProcess.IsRunning(azurite), monitor.Output);

        monitor.Process.Kill(); // SIGKILL: the monitor runs no code of its own on the way out
        await monitor.Process.WaitForExitAsync();

        Assert.True(await MonitorProcess.WaitUntilGoneAsync(azurite, TimeSpan.FromSeconds(30)), $"Azurite (process {azurite}) survived the monitor");
        Assert.True(await MonitorProcess.WaitUntilGoneAsync(supervisor, TimeSpan.FromSeconds(5)), $"the supervisor (process {supervisor}) survived the monitor");
        // Azurite was stopped, not killed: it closed its services and so flushed its data.
        Assert.Contains("Queue service successfully closed", File.ReadAllText(Path.Combine(directory, ".monitor", "azurite", "debug.log")));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task DisposeAsync_InMemoryAzurite_StopsAzuriteAndSupervisor()
    {
        var azurite = await AzuriteProcess.StartAsync(null, CancellationToken.None);
        var (pid, supervisor) = (azurite.AzuriteProcessId, azurite.SupervisorProcessId);
        Assert.True(pid > 0 && MonitorProcess.IsRunning(pid));

        await azurite.DisposeAsync();

        Assert.True(await MonitorProcess.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(5)));
        Assert.False(MonitorProcess.IsRunning(supervisor));
    }

    internal static void WriteConfiguration(string directory, string feedUrl)
    {
        File.WriteAllText(Path.Combine(directory, "sources.json"), $$"""{ "sources": [ { "id": "mfa", "name": "MFA", "language": "en", "feed": "{{feedUrl}}" } ] }""");
        File.WriteAllText(Path.Combine(directory, "topics.json"), """{ "topics": [ { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor"] } ] }""");
        File.WriteAllText(Path.Combine(directory, "subscriptions.json"), """{ "subscribers": [] }""");
    }

    [GeneratedRegex(@"Azurite runs as process (\d+) under supervisor (\d+)")]
    private static partial Regex AzuriteStarted();
}
