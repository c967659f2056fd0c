using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Functions.Tests;

/// <summary>
/// The Functions app's real DI container, built the way Program.cs builds it, but not started: starting would
/// connect to the Functions host over gRPC, which cannot run here. Tests play the host's part.
/// </summary>
internal static class FunctionsApp
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The functions.metadata the worker SDK generated in MinistryMonitor.Functions' own output folder.</summary>
    public static string MetadataPath
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = Path.Combine(RepositoryRoot, "src", "Monitor.Functions", "bin", configuration, "net10.0", "functions.metadata");
            return File.Exists(path) ? path : throw new FileNotFoundException($"functions.metadata not found at {path}; build src/Monitor.Functions first.", path);
        }
    }

    public static async Task<IHost> BuildAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        // Tests run in parallel: each host gets its own search index rather than one folder's write lock.
        builder.Configuration.AddInMemoryCollection([new("Search:InMemory", "true")]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMonitorFunctionsServices();
        var host = builder.Build();
        await host.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return host;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Monitor.sln not found above the test binaries.");
    }
}
