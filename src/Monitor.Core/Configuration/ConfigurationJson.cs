using System.Text.Json;

namespace MinistryMonitor.Core.Configuration;

/// <summary>
/// The shape all three operator files share: a JSON object holding one array of entries. Reading it here gives
/// every file the same tolerance (comments, trailing commas) and the same errors.
/// </summary>
public static class ConfigurationJson
{
    public static string ReadFile(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new ConfigurationFileException(path, null, null, "file not found");

    /// <summary>Reads each element of the root array <paramref name="arrayName"/>; entries are labelled #1, #2 … until they have an id.</summary>
    public static List<T> ReadEntries<T>(string json, string fileName, string arrayName, Func<JsonElement, string, T> readEntry)
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
                || !document.RootElement.TryGetProperty(arrayName, out var array)
                || array.ValueKind != JsonValueKind.Array)
                throw new ConfigurationFileException(fileName, null, arrayName, $"expected an object with a \"{arrayName}\" array");

            var entries = new List<T>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
                entries.Add(readEntry(item, $"#{++index}"));
            return entries;
        }
    }
}
