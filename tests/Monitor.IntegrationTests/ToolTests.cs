using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MinistryMonitor.Core.Tests;
using MinistryMonitor.Infrastructure.Azurite;

namespace MinistryMonitor.IntegrationTests;

/// <summary><c>monitor</c> as operators install it: a packed .NET tool, run from a folder outside the repository.</summary>
[Trait("Category", "Slow")]
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

        // The pointer package, the plain any package and the precompiled package of this machine's platform only (the
        // others are the same build for another platform, and each costs a ReadyToRun compile of every assembly), with
        // only the project's own assemblies precompiled (the libraries take the same crossgen step, for a minute of CPU).
        // The test's build already built the libraries; the pack builds and writes only src/Monitor.Cli, and leaves no
        // MSBuild node running.
        // Each pack starts from no earlier pack's output: publishing copies a library only when it is newer than the copy
        // already there, so an earlier pack's precompiled libraries would otherwise be packed again.
        foreach (var output in new[] { "obj", "bin" })
        {
            var platformOutput = Path.Combine(Repository, "src", "Monitor.Cli", output, BuildConfiguration, "net10.0", HostRuntimeIdentifier);
            if (Directory.Exists(platformOutput)) Directory.Delete(platformOutput, recursive: true);
        }
        var pack = await MonitorProcess.RunAsync("dotnet", ["pack", Path.Combine(Repository, "src", "Monitor.Cli"), "-c", BuildConfiguration, "-o", packages, "-nologo",
            $"-p:MonitorToolRuntimeIdentifiers={HostRuntimeIdentifier}", "-p:MonitorReadyToRunLibraries=false", "-p:BuildProjectReferences=false", "-nodeReuse:false"],
            Repository, timeout: TimeSpan.FromMinutes(10));
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.Equal(new[] { "MinistryMonitor.Cli", "MinistryMonitor.Cli.any", $"MinistryMonitor.Cli.{HostRuntimeIdentifier}" }.Order(StringComparer.Ordinal),
            Directory.GetFiles(packages, "*.nupkg").Select(p => Regex.Replace(Path.GetFileName(p), @"\.\d+\.\d+\.\d+\.nupkg$", "")).Order(StringComparer.Ordinal));
        var install = await MonitorProcess.RunAsync("dotnet", ["tool", "install", "MinistryMonitor.Cli", "--tool-path", tools, "--configfile", nugetConfig], work);
        Assert.True(install.ExitCode == 0, install.Output);
        var monitor = Path.Combine(tools, OperatingSystem.IsWindows() ? "monitor.exe" : "monitor");
        // dotnet tool install took this platform's package, precompiled: its own code and its libraries (docs/benchmarks.md, "Start-up").
        var installed = Assert.Single(Directory.GetFiles(Path.Combine(tools, ".store"), "monitor.dll", SearchOption.AllDirectories));
        Assert.Contains($"ministrymonitor.cli.{HostRuntimeIdentifier}", installed, StringComparison.OrdinalIgnoreCase);
        Assert.True(IsReadyToRun(installed), $"{installed} carries no ReadyToRun code");
        Assert.True(IsReadyToRun(Path.Combine(Path.GetDirectoryName(installed)!, "Monitor.Core.dll")), "Monitor.Core.dll carries no ReadyToRun code");
        // ... and the switch the test packs with did keep the libraries as they are.
        Assert.False(IsReadyToRun(Path.Combine(Path.GetDirectoryName(installed)!, "AngleSharp.dll")), "AngleSharp.dll was precompiled despite MonitorReadyToRunLibraries=false");
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

    /// <summary>Whether the assembly carries precompiled code: a ReadyToRun header ("RTR") behind the CLI header's managed native header.</summary>
    private static bool IsReadyToRun(string assemblyPath)
    {
        using var reader = new PEReader(File.OpenRead(assemblyPath));
        var header = reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory ?? default;
        return header.Size > 0 && reader.GetSectionData(header.RelativeVirtualAddress).GetReader().ReadUInt32() == 0x00525452;
    }

    private static string HostRuntimeIdentifier =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    private static async Task EnsureRepositoryAzuriteAsync()
    {
        // Installs the repository's pinned azurite (npm ci) if this clone has not yet.
        await TestAzurite.NewAccountAsync();
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
