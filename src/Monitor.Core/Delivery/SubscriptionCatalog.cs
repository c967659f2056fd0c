using System.Net.Mail;
using System.Text.Json;
using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Core.Delivery;

/// <summary>Loads and validates <c>subscriptions.json</c>: <c>{ "subscribers": [ { "email", "name", "topics": [...] } ] }</c>.</summary>
public static class SubscriptionCatalog
{
    public static IReadOnlyList<Subscriber> Load(string path, IReadOnlySet<string> knownTopics) =>
        Parse(ConfigurationJson.ReadFile(path), path, knownTopics);

    public static IReadOnlyList<Subscriber> Parse(string json, string fileName, IReadOnlySet<string> knownTopics)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return ConfigurationJson.ReadEntries(json, fileName, "subscribers", (item, label) => ParseSubscriber(item, label, fileName, knownTopics, seen));
    }

    private static Subscriber ParseSubscriber(JsonElement item, string label, string fileName, IReadOnlySet<string> knownTopics, HashSet<string> seen)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new ConfigurationFileException(fileName, label, null, "each subscriber must be an object");
        var email = item.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(email))
            throw new ConfigurationFileException(fileName, label, "email", "missing");
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
            throw new ConfigurationFileException(fileName, email, "email", $"'{email}' is not an e-mail address");
        if (!seen.Add(email))
            throw new ConfigurationFileException(fileName, email, "email", "listed twice; give one entry with all its topics");
        var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (!item.TryGetProperty("topics", out var topicsElement) || topicsElement.ValueKind != JsonValueKind.Array)
            throw new ConfigurationFileException(fileName, email, "topics", "expected an array of topic ids");
        var topics = new List<string>();
        foreach (var t in topicsElement.EnumerateArray())
        {
            var id = t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
            if (id is null || !knownTopics.Contains(id))
                throw new ConfigurationFileException(fileName, email, "topics", $"'{t}' is not a topic id in the topics file (known: {string.Join(", ", knownTopics.Order())})");
            topics.Add(id);
        }
        return new Subscriber(email, name, topics);
    }
}
