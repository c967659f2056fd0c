using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace MinistryMonitor.Pipeline.Benchmarks;

/// <summary>Counts every storage call the pipeline makes, by service and operation, as an Azure SDK pipeline policy.</summary>
public sealed class StorageCallCounter(int blobPort, int queuePort, int tablePort) : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message) => _calls.AddOrUpdate(Kind(message.Request), 1, (_, n) => n + 1);

    private string Kind(Request request)
    {
        var uri = request.Uri.ToUri();
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var query = uri.Query;
        var method = request.Method.Method;
        if (uri.Port == blobPort)
        {
            if (query.Contains("comp=list", StringComparison.Ordinal)) return "blob list";
            if (query.Contains("restype=container", StringComparison.Ordinal)) return $"blob container {method}";
            return method switch { "PUT" => "blob put", "GET" => "blob get", "HEAD" => "blob properties", _ => "blob " + method };
        }
        if (uri.Port == queuePort)
        {
            if (query.Contains("comp=metadata", StringComparison.Ordinal)) return "queue get properties";
            if (path.EndsWith("/messages", StringComparison.Ordinal) || path.Contains("/messages/", StringComparison.Ordinal))
            {
                return method switch
                {
                    "POST" => "queue send",
                    "GET" => query.Contains("peekonly=true", StringComparison.Ordinal) ? "queue peek" : "queue receive",
                    "DELETE" => "queue delete message",
                    "PUT" => "queue update message",
                    _ => "queue " + method,
                };
            }
            return "queue " + method;
        }
        if (uri.Port == tablePort)
        {
            var pointRead = path.Contains("(PartitionKey=", StringComparison.Ordinal);
            return method switch
            {
                "GET" when pointRead => "table point read",
                "GET" when query.Contains("$filter", StringComparison.Ordinal) => "table query",
                "GET" => "table scan",
                "POST" => path.EndsWith("/Tables", StringComparison.Ordinal) ? "table create" : "table insert",
                "PUT" => "table replace/upsert",
                "PATCH" or "MERGE" => "table merge",
                "DELETE" => "table delete",
                _ => "table " + method,
            };
        }
        return "other " + method;
    }
}
