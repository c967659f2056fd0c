using System.Text.Json;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Functions.Tests;

/// <summary>The bindings the Functions host will read, as the worker SDK generated them at build time.</summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void FunctionsMetadata_AfterBuild_DeclaresTheTimerAndOneQueueTriggerPerStage()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(FunctionsApp.MetadataPath));
        var functions = metadata.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings")[0]);

        Assert.Equal(["Deliver", "Detect", "Digest", "Discover", "Fetch", "NotifyOperators", "Schedule", "WatchPoison", "Web"], functions.Keys.Order());

        foreach (var (function, setting) in new[] { ("Schedule", "%DISCOVER_SCHEDULE%"), ("WatchPoison", "%POISON_WATCH_SCHEDULE%"), ("NotifyOperators", "%OPERATOR_NOTIFY_SCHEDULE%"), ("Digest", "%DIGEST_SCHEDULE%") })
        {
            Assert.Equal("timerTrigger", functions[function].GetProperty("type").GetString());
            Assert.Equal(setting, functions[function].GetProperty("schedule").GetString());
        }

        var queues = new Dictionary<string, string>
        {
            ["Discover"] = QueueNames.Discover,
            ["Fetch"] = QueueNames.Fetch,
            ["Detect"] = QueueNames.Detect,
            ["Deliver"] = QueueNames.Alerts,
        };
        foreach (var (function, queue) in queues)
        {
            Assert.Equal("queueTrigger", functions[function].GetProperty("type").GetString());
            Assert.Equal(queue, functions[function].GetProperty("queueName").GetString());
            // No explicit connection: the trigger uses AzureWebJobsStorage, the account the pipeline writes to.
            Assert.False(functions[function].TryGetProperty("connection", out _));
        }
    }

    [Fact]
    public void FunctionsMetadata_WebFunction_IsOneAnonymousCatchAllHttpTriggerAtTheSiteRoot()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(FunctionsApp.MetadataPath));
        var http = metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Function: f.GetProperty("name").GetString(), Binding: b)))
            .Where(b => b.Binding.GetProperty("type").GetString() == "httpTrigger")
            .ToList();

        var (function, trigger) = Assert.Single(http);
        Assert.Equal("Web", function);
        Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
        // App Service Authentication and the app's own policies decide access, not function keys.
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get", "head", "post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).Order());

        // No "api/" prefix: the pages live at the root and the JSON API at /api/..., as under monitor serve.
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsApp.RepositoryRoot, "host.json")));
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void HostJson_InFunctionsOutput_IsTheRepositoryRootFile()
    {
        var output = Path.GetDirectoryName(FunctionsApp.MetadataPath)!;
        Assert.Equal(File.ReadAllText(Path.Combine(FunctionsApp.RepositoryRoot, "host.json")), File.ReadAllText(Path.Combine(output, "host.json")));
        Assert.True(File.Exists(Path.Combine(output, "config", "sources.json")));
    }
}
