using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Infra.Tests;

/// <summary>host.json, azure.yaml and main.parameters.json agree with the code and the template.</summary>
[Trait("Category", "Slow")]
public sealed partial class DeploymentFilesTests
{
    private static JsonObject HostJson => JsonNode.Parse(File.ReadAllText(InfraPaths.HostJson))!.AsObject();

    private static JsonObject Queues => HostJson["extensions"]?["queues"]?.AsObject()
        ?? throw new InvalidOperationException("host.json has no extensions.queues section.");

    [Fact]
    public void HostJson_QueueMessageEncoding_IsBase64LikeTheSender()
    {
        // StorageClients sends with QueueMessageEncoding.Base64; the trigger must decode the same way.
        Assert.Equal("base64", (string?)Queues["messageEncoding"]);
    }

    [Fact]
    public void HostJson_Sampling_KeepsEveryRequestAndException()
    {
        var sampling = HostJson["logging"]?["applicationInsights"]?["samplingSettings"];
        Assert.NotNull(sampling);

        var excluded = ((string?)sampling["excludedTypes"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        // Requests are function executions (with their failures); exceptions are the failures' details.
        Assert.Contains("Request", excluded);
        Assert.Contains("Exception", excluded);
    }

    [Fact]
    public void HostJson_Retry_IsLeftToTheQueues()
    {
        // A host-level retry policy would retry in-process on top of maxDequeueCount (attempts multiply) while
        // holding the message; the queue's own visibilityTimeout and maxDequeueCount are the retry policy here.
        Assert.Null(HostJson["retry"]);
        Assert.InRange((int)Queues["maxDequeueCount"]!, 2, 10);
        Assert.True(TimeSpan.Parse((string)Queues["visibilityTimeout"]!) > TimeSpan.Zero, "visibilityTimeout 0 retries a failed message at once");
    }

    [Fact]
    public void HostJson_FunctionTimeout_OutlastsTheFetchRetries()
    {
        // A fetch may take the resilience pipeline's whole total timeout; the host must not kill it sooner.
        var timeout = TimeSpan.Parse((string)HostJson["functionTimeout"]!);

        Assert.True(timeout > TimeSpan.FromSeconds(2 * new FetchOptions().TotalTimeoutSeconds),
            $"functionTimeout {timeout} is too short for Fetch:TotalTimeoutSeconds {new FetchOptions().TotalTimeoutSeconds}s");
    }

    [Fact]
    public void HostJson_Batch_FitsThePipelineOptionsRange()
    {
        // function.bicep copies batchSize into Pipeline__BatchSize, validated as [Range(1, 32)] by PipelineOptions.
        var batchSize = (int)Queues["batchSize"]!;
        Assert.InRange(batchSize, 1, 32);
        Assert.InRange((int)Queues["newBatchThreshold"]!, 0, batchSize);
    }

    [Fact]
    public void AzureYaml_MonitorService_DeploysTheFunctionsProject()
    {
        var yaml = File.ReadAllText(InfraPaths.AzureYaml);
        var service = ServiceBlock().Match(yaml);
        Assert.True(service.Success, "azure.yaml has no 'monitor' service");
        var block = service.Value;

        Assert.Matches(@"project:\s*\.?/?src/Monitor\.Functions/?\s", block);
        Assert.Matches(@"language:\s*dotnet\s", block);
        Assert.Matches(@"host:\s*function\s", block);
        Assert.True(File.Exists(Path.Combine(InfraPaths.RepositoryRoot, "src", "Monitor.Functions", "Monitor.Functions.csproj")));
        // azd finds the app by this tag.
        Assert.Contains("serviceName string = 'monitor'", File.ReadAllText(Path.Combine(InfraPaths.InfraDirectory, "app", "function.bicep")));
    }

    [Fact]
    public void MainParameters_EveryParameter_IsDeclaredAndEveryRequiredOneIsGiven()
    {
        var declared = ArmTemplate.Main.Parameters();
        var given = JsonNode.Parse(File.ReadAllText(InfraPaths.MainParameters))!["parameters"]!.AsObject()
            .Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        var unknown = given.Where(g => !declared.ContainsKey(g)).ToList();
        var required = declared.Where(d => d.Value["defaultValue"] is null && !given.Contains(d.Key)).Select(d => d.Key).ToList();

        Assert.True(unknown.Count == 0, "main.parameters.json gives parameters main.bicep does not declare: " + string.Join(", ", unknown));
        Assert.True(required.Count == 0, "main.bicep parameters without a default that main.parameters.json does not give: " + string.Join(", ", required));
    }

    [Fact]
    public void MainParameters_Secrets_AreSecureParameters()
    {
        var declared = ArmTemplate.Main.Parameters();
        var secretLike = declared.Keys.Where(k => k.Contains("password", StringComparison.OrdinalIgnoreCase)
                                                  || k.Contains("key", StringComparison.OrdinalIgnoreCase)
                                                  || k.Contains("secret", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(secretLike);

        var plain = secretLike.Where(k => (string?)declared[k]["type"] != "securestring").ToList();

        Assert.True(plain.Count == 0, "Secret parameters must be @secure() so that they stay out of deployment history: " + string.Join(", ", plain));
    }

    [GeneratedRegex(@"(?ms)^  monitor:\s*$.*?(?=^  \S|\z)")]
    private static partial Regex ServiceBlock();
}
