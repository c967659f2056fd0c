using System.Text.Json;
using Monitor.Core.Messages;

namespace Monitor.Functions.Tests;

/// <summary>The bindings the Functions host will read, as the worker SDK generated them at build time.</summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void FunctionsMetadata_AfterBuild_DeclaresTheTimerAndOneQueueTriggerPerStage()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(FunctionsApp.MetadataPath));
        var functions = metadata.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings")[0]);

        Assert.Equal(["Deliver", "Detect", "Digest", "Discover", "Fetch", "Schedule", "WatchPoison", "Web"], functions.Keys.Order());

        foreach (var (function, setting) in new[] { ("Schedule", "%FETCH_SCHEDULE%"), ("WatchPoison", "%POISON_WATCH_SCHEDULE%"), ("Digest", "%DIGEST_SCHEDULE%") })
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
    public void HostJson_InFunctionsOutput_IsTheRepositoryRootFile()
    {
        var output = Path.GetDirectoryName(FunctionsApp.MetadataPath)!;
        Assert.Equal(File.ReadAllText(Path.Combine(FunctionsApp.RepositoryRoot, "host.json")), File.ReadAllText(Path.Combine(output, "host.json")));
        Assert.True(File.Exists(Path.Combine(output, "config", "sources.json")));
    }
}
