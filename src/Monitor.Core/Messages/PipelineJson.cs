using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MinistryMonitor.Core.Messages;

/// <summary>The one JSON shape used for queue messages and archived metadata.</summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Statements are in Russian, Azerbaijani, Armenian: people read these messages and blobs too.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same shape, indented, for one document printed to a person.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a message, failing with the queue name and the reason rather than a null.</summary>
    public static T Deserialize<T>(string json, string queueName)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new InvalidMessageException(queueName, "the message is JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidMessageException(queueName, $"not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}

/// <summary>A queue message that can never be processed; retrying it will not help.</summary>
public sealed class InvalidMessageException(string queueName, string problem, Exception? inner = null)
    : Exception($"Queue '{queueName}': {problem}", inner)
{
    public string QueueName { get; } = queueName;
}
