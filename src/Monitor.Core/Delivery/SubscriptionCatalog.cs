using System.Net.Mail;
using System.Text.Json;
using Monitor.Core.Configuration;

namespace Monitor.Core.Delivery;

/// <summary>Loads and validates <c>subscriptions.json</c>: <c>{ "subscribers": [ { "email", "name", "topics": [...] } ] }</c>.</summary>
public static class SubscriptionCatalog
{
    public static IReadOnlyList<Subscriber> Load(string path, IReadOnlySet<string> knownTopics)
    {
        if (!File.Exists(path))
            throw new ConfigurationFileException(path, null, null, "file not found");
        return Parse(File.ReadAllText(path), path, knownTopics);
    }

    public static IReadOnlyList<Subscriber> Parse(string json, string fileName, IReadOnlySet<string> knownTopics)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ConfigurationFileException(fileName, null, null, $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("subscribers", out var array)
                || array.ValueKind != JsonValueKind.Array)
                throw new ConfigurationFileException(fileName, null, "subscribers", "expected an object with a \"subscribers\" array");

            var result = new List<Subscriber>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                index++;
                var label = $"#{index}";
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
                result.Add(new Subscriber(email, name, topics));
            }
            return result;
        }
    }
}
