using System.Text.Json;
using Monitor.Core.Configuration;

namespace Monitor.Core.Detection;

/// <summary>Loads and validates <c>topics.json</c>.</summary>
public static class TopicCatalog
{
    public static IReadOnlyList<Topic> Load(string path)
    {
        if (!File.Exists(path))
            throw new ConfigurationFileException(path, null, null, "file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static IReadOnlyList<Topic> Parse(string json, string fileName)
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
                || !document.RootElement.TryGetProperty("topics", out var array)
                || array.ValueKind != JsonValueKind.Array)
                throw new ConfigurationFileException(fileName, null, "topics", "expected an object with a \"topics\" array");

            var topics = new List<Topic>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var label = $"#{index + 1}";
                if (item.ValueKind != JsonValueKind.Object)
                    throw new ConfigurationFileException(fileName, label, null, "each topic must be an object");
                var id = String(item, "id") ?? throw new ConfigurationFileException(fileName, label, "id", "missing");
                if (!ids.Add(id)) throw new ConfigurationFileException(fileName, id, "id", "duplicate id");
                var name = String(item, "name") ?? id;
                var terms = new List<string>();
                var termsKey = item.TryGetProperty("terms", out var t) ? t : item.TryGetProperty("phrases", out var p) ? p : default;
                if (termsKey.ValueKind != JsonValueKind.Array)
                    throw new ConfigurationFileException(fileName, id, "terms", "expected an array of phrases");
                foreach (var term in termsKey.EnumerateArray())
                {
                    if (term.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(term.GetString()))
                        throw new ConfigurationFileException(fileName, id, "terms", "every term must be a non-empty string");
                    terms.Add(term.GetString()!.Trim());
                }
                if (terms.Count == 0) throw new ConfigurationFileException(fileName, id, "terms", "a topic needs at least one term");
                topics.Add(new Topic(id, name, terms));
                index++;
            }
            return topics;
        }
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
