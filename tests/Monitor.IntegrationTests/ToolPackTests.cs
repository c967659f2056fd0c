using System.Text.Json.Nodes;
using MinistryMonitor.Infrastructure.Azurite;

namespace MinistryMonitor.IntegrationTests;

/// <summary>What <c>dotnet pack</c> of the tool is told, read from MSBuild's evaluation (apart from <see cref="ToolTests"/>, so both run at once).</summary>
[Trait("Category", "Slow")]
public sealed class ToolPackTests
{
    private static readonly string Repository = NodeTools.FindManifestDirectory()
        ?? throw new InvalidOperationException("The tests run from inside the repository.");

    [Fact]
    public async Task Pack_ToolProperties_PrecompiledForFourPlatformsPlusAnyAndOnlyWhenPacking()
    {
        var project = Path.Combine(Repository, "src", "Monitor.Cli");
        string[] properties = ["-getProperty:RuntimeIdentifiers", "-getProperty:ToolPackageRuntimeIdentifiers", "-getProperty:PublishReadyToRun", "-getProperty:SelfContained"];

        // dotnet pack evaluates the project once for the pointer package, then once per platform package.
        var packing = await MonitorProcess.RunAsync("dotnet", ["msbuild", project, "-p:_IsPacking=true", .. properties], Repository);
        var packingForPlatform = await MonitorProcess.RunAsync("dotnet", ["msbuild", project, "-p:_IsPacking=true", "-p:RuntimeIdentifier=osx-arm64", .. properties], Repository);
        var building = await MonitorProcess.RunAsync("dotnet", ["msbuild", project, .. properties], Repository);

        Assert.True(packing.ExitCode == 0, packing.Output);
        Assert.Equal("linux-x64;linux-arm64;osx-arm64;win-x64;any", JsonNode.Parse(packing.Output)!["Properties"]!["ToolPackageRuntimeIdentifiers"]!.GetValue<string>());
        Assert.True(packingForPlatform.ExitCode == 0, packingForPlatform.Output);
        var platform = JsonNode.Parse(packingForPlatform.Output)!["Properties"]!;
        Assert.Equal("true", platform["PublishReadyToRun"]!.GetValue<string>());
        Assert.Equal("false", platform["SelfContained"]!.GetValue<string>());
        // A build (and so dotnet test) restores no runtime packs: the project is as platform-neutral as before.
        Assert.True(building.ExitCode == 0, building.Output);
        var build = JsonNode.Parse(building.Output)!["Properties"]!;
        Assert.Equal("", build["RuntimeIdentifiers"]!.GetValue<string>());
        Assert.Equal("", build["ToolPackageRuntimeIdentifiers"]!.GetValue<string>());
    }
}
