using System.Text.Json.Nodes;
using Monitor.Core.Tests;
using Monitor.Infrastructure.Azurite;

namespace Monitor.IntegrationTests;

/// <summary><c>monitor</c> as operators install it: a packed .NET tool, run from a folder outside the repository.</summary>
public sealed class ToolTests
{
    private static readonly string Repository = NodeTools.FindManifestDirectory()
        ?? throw new InvalidOperationException("The tests run from inside the repository.");

    [Fact]
    public async Task PackedTool_InstalledToToolPath_RunsFromAFolderOutsideTheRepository()
    {
        var work = Directory.CreateTempSubdirectory("monitor-tool-").FullName;
        var (packages, tools, outside) = (Path.Combine(work, "packages"), Path.Combine(work, "tools"), Directory.CreateDirectory(Path.Combine(work, "ops")).FullName);
        // Only the freshly packed package: the install needs no other feed.
        var nugetConfig = Path.Combine(work, "nuget.config");
        File.WriteAllText(nugetConfig, $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>""");

        var pack = await MonitorProcess.RunAsync("dotnet", ["pack", Path.Combine(Repository, "src", "Monitor.Cli"), "--no-build", "-c", BuildConfiguration, "-o", packages, "-nologo"], Repository);
        Assert.True(pack.ExitCode == 0, pack.Output);
        var install = await MonitorProcess.RunAsync("dotnet", ["tool", "install", "MinistryMonitor.Cli", "--tool-path", tools, "--configfile", nugetConfig], work);
        Assert.True(install.ExitCode == 0, install.Output);
        var monitor = Path.Combine(tools, OperatingSystem.IsWindows() ? "monitor.exe" : "monitor");
        // Azurite from PATH, as an operator with `npm install -g azurite` has it; the repository's copy stands in.
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(Repository, "node_modules", ".bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["DOTNET_ROOT"] = Path.GetDirectoryName(Environment.ProcessPath!)!,
        };
        await EnsureRepositoryAzuriteAsync();

        var version = await MonitorProcess.RunAsync(monitor, ["--version"], outside, environment);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);

        var page = SharedData.PathOf("corpora", "ministry-pages", "state.gov", "hrr-2024-armenia.html");
        var extract = await MonitorProcess.RunAsync(monitor, ["extract", page, "--format", "json"], outside, environment);
        Assert.True(extract.ExitCode == 0, extract.Output);
        Assert.Contains("Armenia", JsonNode.Parse(extract.Output)!["title"]!.GetValue<string>());

        var log = await MonitorProcess.RunAsync(monitor, ["log", "--json", "--data", "state"], outside, environment);
        Assert.True(log.ExitCode == 0, log.Output);
        Assert.True(Directory.Exists(Path.Combine(outside, "state", "azurite")), "--data puts Azurite's files in the given folder");
        Assert.False(Directory.Exists(Path.Combine(outside, ".monitor")));
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task Log_NoNodeOnPath_ExitsWith3AndSaysWhatToInstall()
    {
        var directory = Directory.CreateTempSubdirectory("monitor-nonode-").FullName;

        var result = await MonitorProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "monitor.dll"), "log"], directory,
            new Dictionary<string, string> { ["PATH"] = directory });

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Node.js 20 or later is needed", result.Output);
        Assert.Contains("Storage__ConnectionString", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void AzuriteVersion_EqualsTheVersionPinnedInPackageJson()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository, "package.json")))!;
        var pinned = manifest["devDependencies"]!["azurite"]!.GetValue<string>();
        Assert.Equal(NodeTools.AzuriteVersion, pinned);
    }

    [Fact]
    public void UserCacheDirectory_XdgCacheHomeSet_IsUsedOnLinux()
    {
        if (!OperatingSystem.IsLinux()) return; // XDG applies on Linux only
        var previous = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/var/cache/operator");
            Assert.Equal("/var/cache/operator", NodeTools.UserCacheDirectory());
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), NodeTools.UserCacheDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", previous);
        }
    }

    private static async Task EnsureRepositoryAzuriteAsync()
    {
        // Installs the repository's pinned azurite (npm ci) if this clone has not yet.
        await using var azurite = await AzuriteProcess.StartAsync(null, CancellationToken.None);
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
