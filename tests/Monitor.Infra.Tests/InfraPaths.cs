using System.Reflection;

namespace MinistryMonitor.Infra.Tests;

/// <summary>Where the files under test are: the repository (found upwards from the test assembly), the Functions build output, the Bicep CLI.</summary>
public static class InfraPaths
{
    private static readonly Assembly TestAssembly = typeof(InfraPaths).Assembly;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string InfraDirectory => Path.Combine(RepositoryRoot, "infra");

    public static string MainBicep => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainParameters => Path.Combine(InfraDirectory, "main.parameters.json");

    public static string HostJson => Path.Combine(RepositoryRoot, "host.json");

    public static string AzureYaml => Path.Combine(RepositoryRoot, "azure.yaml");

    /// <summary>The same configuration as this test assembly, so that <c>dotnet test -c Release</c> reads the Release build.</summary>
    public static string Configuration => Metadata("Configuration");

    /// <summary>The functions.metadata that the Worker SDK generated when the referenced Functions project was built.</summary>
    public static string FunctionsMetadata => Path.Combine(
        RepositoryRoot, "src", "Monitor.Functions", "bin", Configuration, Metadata("TargetFramework"), "functions.metadata");

    /// <summary>The bicep program inside the Azure.Bicep.CommandLine.linux-x64 package.</summary>
    public static string BicepExecutable => Path.Combine(Metadata("BicepPackageRoot"), "tools", "bicep");

    private static string Metadata(string key)
    {
        var value = TestAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"The test assembly has no '{key}' metadata: see Monitor.Infra.Tests.csproj.");
        return value;
    }

    private static string FindRepositoryRoot()
    {
        // tests/Monitor.Infra.Tests/bin/<Configuration>/<TargetFramework>/ -> the folder holding Monitor.sln.
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(TestAssembly.Location)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")) && Directory.Exists(Path.Combine(dir.FullName, "infra")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Monitor.sln with an infra folder above {TestAssembly.Location}.");
    }
}
