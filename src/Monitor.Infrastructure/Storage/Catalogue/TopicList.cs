using System.Text.Json;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>Topic ids are free text (any character), so a list of them is stored in a table property as a JSON array.</summary>
internal static class TopicList
{
    public static string Join(IReadOnlyList<string> topics) => JsonSerializer.Serialize(topics);

    public static IReadOnlyList<string> Split(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
