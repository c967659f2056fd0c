using System.Diagnostics;
using System.Text.Json;

namespace MinistryMonitor.Core.Tracing;

/// <summary>
/// One trace follows a statement through the queues: each message carries the W3C trace context of the stage that
/// sent it (an optional <c>traceparent</c> property, so older messages still parse), and each stage runs in an
/// activity whose parent is that context. OpenTelemetry exports them (the Functions app); without a listener
/// (the local runner by default) no activity is created and nothing is added.
/// </summary>
public static class PipelineTracing
{
    public const string SourceName = "Monitor.Pipeline";
    public const string TraceParentProperty = "traceparent";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the activity of the stage consuming <paramref name="queueName"/>, continuing the trace the message carries.</summary>
    public static Activity? StartStage(string queueName, string message)
    {
        if (!Source.HasListeners()) return null;
        string? traceParent = null, sourceId = null;
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty(TraceParentProperty, out var tp) && tp.ValueKind == JsonValueKind.String) traceParent = tp.GetString();
                if (document.RootElement.TryGetProperty("sourceId", out var id) && id.ValueKind == JsonValueKind.String) sourceId = id.GetString();
            }
        }
        catch (JsonException)
        {
            // The stage reports the broken message itself; its activity simply starts a new trace.
        }
        var parent = ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var activity = Source.StartActivity($"{queueName} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "azure_storage_queues");
        activity?.SetTag("messaging.destination.name", queueName);
        activity?.SetTag("monitor.source_id", sourceId);
        return activity;
    }

    /// <summary>The message with the current activity's trace context added, when there is one.</summary>
    public static string WithTraceParent(string json)
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current || json.Length < 2 || json[0] != '{') return json;
        var property = $"\"{TraceParentProperty}\":{JsonSerializer.Serialize(current.Id)}";
        return json.AsSpan(1).TrimStart().StartsWith("}") ? $"{{{property}}}" : $"{{{property},{json[1..]}";
    }
}
