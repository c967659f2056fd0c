namespace MinistryMonitor.Infra.Tests;

/// <summary>The templates build and lint cleanly with the Bicep CLI from NuGet, offline (infra/bicepconfig.json turns the rules on).</summary>
[Trait("Category", "Slow")]
public sealed class BicepTests
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutDiagnostics()
    {
        var result = BicepCli.BuildMain();

        Assert.True(result.ExitCode == 0, $"bicep build infra/main.bicep failed: {result}");
        // Warnings and errors go to stderr; a clean build prints nothing there.
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError), $"bicep build reported diagnostics: {result}");
        Assert.StartsWith("{", result.StandardOutput.TrimStart());
    }

    [Fact]
    public void Lint_MainBicep_ReportsNothing()
    {
        var result = BicepCli.Run(InfraPaths.InfraDirectory, "lint", InfraPaths.MainBicep);

        Assert.True(result.ExitCode == 0, $"bicep lint infra/main.bicep failed: {result}");
        Assert.True(string.IsNullOrWhiteSpace(result.StandardOutput + result.StandardError), $"bicep lint reported diagnostics: {result}");
    }

    [Fact]
    public void Lint_EveryBicepFileUnderInfra_ReportsNothing()
    {
        // Also catches a module that main.bicep does not (yet) use.
        var result = BicepCli.Run(InfraPaths.InfraDirectory, "lint", "--pattern", "**/*.bicep");

        Assert.True(result.ExitCode == 0, $"bicep lint --pattern **/*.bicep failed: {result}");
        Assert.True(string.IsNullOrWhiteSpace(result.StandardOutput + result.StandardError), $"bicep lint reported diagnostics: {result}");
    }

    [Fact]
    public void Modules_MainBicep_UseLocalFilesOnly()
    {
        // Registry modules (br:, br/public:, ts:) need the network to restore; this repository builds offline.
        var offenders = Directory.EnumerateFiles(InfraPaths.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => x.line.TrimStart().StartsWith("module ", StringComparison.Ordinal)
                        && (x.line.Contains("'br:", StringComparison.Ordinal) || x.line.Contains("'br/", StringComparison.Ordinal) || x.line.Contains("'ts:", StringComparison.Ordinal)))
            .Select(x => $"{Path.GetRelativePath(InfraPaths.RepositoryRoot, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Registry modules cannot be restored offline:\n" + string.Join('\n', offenders));
    }
}
