using System.Reflection;

namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// The layers, held by the assemblies' references: Core is the domain and its ports, with no cloud, HTTP-resilience or
/// search-engine library; Web reaches storage and queues through Core's ports only; the hosts compose Infrastructure.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(MinistryMonitor.Core.Stages.PipelineDispatcher).Assembly;
    private static readonly Assembly Web = typeof(MinistryMonitor.Web.WebServiceExtensions).Assembly;

    /// <summary>
    /// What Core may reference, beside the runtime: an allow-list, so a new dependency is a decision made here.
    /// </summary>
    private static readonly string[] CoreAllowed =
    [
        "AngleSharp", "UtfUnknown", "Microsoft.Extensions.Logging.Abstractions", "System.Memory.Data",
    ];

    [Fact]
    public void CoreReferences_OutsideTheRuntime_AreOnlyTheAllowedLibraries()
    {
        var outside = Core.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !IsRuntime(n)).Order().ToList();

        Assert.Empty(outside.Except(CoreAllowed));
    }

    [Theory]
    [InlineData("Polly")]
    [InlineData("Polly.Core")]
    [InlineData("Microsoft.Extensions.Http")]
    [InlineData("Lucene.Net")]
    [InlineData("Lucene.Net.Analysis.Common")]
    [InlineData("Monitor.Infrastructure")]
    public void CoreReferences_Never_IncludeTheLibrary(string library)
    {
        Assert.DoesNotContain(library, Core.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Theory]
    [InlineData("Monitor.Infrastructure")]
    [InlineData("Azure.Storage.Queues")]
    [InlineData("Azure.Storage.Blobs")]
    [InlineData("Azure.Data.Tables")]
    public void WebReferences_Never_IncludeInfrastructureOrAzureStorage(string library)
    {
        Assert.DoesNotContain(library, Web.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void WebReferences_IncludeCore()
    {
        Assert.Contains("Monitor.Core", Web.GetReferencedAssemblies().Select(a => a.Name));
    }

    private static bool IsRuntime(string name) => name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) && name != "System.Memory.Data";
}
