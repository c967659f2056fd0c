using System.Text.Json;
using MinistryMonitor.Core.Configuration;

namespace MinistryMonitor.Core.Detection;

/// <summary>Loads and validates <c>topics.json</c> (syntax in Detection/README.md).</summary>
public static class TopicCatalog
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "id", "name", "region", "terms", "phrases", "acronyms", "exclude", "requireAll", "scope", "comment",
    };

    public static IReadOnlyList<Topic> Load(string path) => Parse(ConfigurationJson.ReadFile(path), path);

    public static IReadOnlyList<Topic> Parse(string json, string fileName)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return ConfigurationJson.ReadEntries(json, fileName, "topics", (item, label) => ParseTopic(item, label, fileName, ids));
    }

    private static Topic ParseTopic(JsonElement item, string label, string fileName, HashSet<string> ids)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new ConfigurationFileException(fileName, label, null, "each topic must be an object");
        var id = String(item, "id") ?? throw new ConfigurationFileException(fileName, label, "id", "missing or not a non-empty string");
        if (!ids.Add(id)) throw new ConfigurationFileException(fileName, id, "id", "duplicate id");

        foreach (var property in item.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
                throw new ConfigurationFileException(fileName, id, property.Name,
                    $"unknown field (expected one of: {string.Join(", ", KnownFields.Where(f => f != "comment"))})");
        }
        if (item.TryGetProperty("terms", out _) && item.TryGetProperty("phrases", out _))
            throw new ConfigurationFileException(fileName, id, "phrases", "use either \"terms\" or its alias \"phrases\", not both");

        var name = String(item, "name") ?? id;
        var termsField = item.TryGetProperty("phrases", out _) ? "phrases" : "terms";
        var terms = Strings(item, termsField, fileName, id, required: false);
        var acronyms = Strings(item, "acronyms", fileName, id, required: false);
        if (terms.Count == 0 && acronyms.Count == 0)
            throw new ConfigurationFileException(fileName, id, "terms", "a topic needs at least one term or acronym");
        var exclude = Strings(item, "exclude", fileName, id, required: false);

        Validate(terms, caseSensitive: false, fileName, id, termsField);
        Validate(acronyms, caseSensitive: true, fileName, id, "acronyms");
        Validate(exclude, caseSensitive: false, fileName, id, "exclude");
        foreach (var phrase in exclude)
        {
            if (TermSyntax.Parse(phrase, false).IsProximity)
                throw new ConfigurationFileException(fileName, id, "exclude", $"'{phrase}': exclusions are phrases, NEAR/n is not allowed here");
        }

        var groups = new List<IReadOnlyList<string>>();
        if (item.TryGetProperty("requireAll", out var requireAll))
        {
            if (requireAll.ValueKind != JsonValueKind.Array)
                throw new ConfigurationFileException(fileName, id, "requireAll", "expected an array of groups, each an array of terms");
            var number = 0;
            foreach (var group in requireAll.EnumerateArray())
            {
                number++;
                var field = $"requireAll[{number}]";
                var groupTerms = group.ValueKind == JsonValueKind.String
                    ? [group.GetString()!.Trim()]
                    : group.ValueKind == JsonValueKind.Array
                        ? StringArray(group, fileName, id, field)
                        : throw new ConfigurationFileException(fileName, id, field, "a group is an array of terms (any one of them satisfies it)");
                if (groupTerms.Count == 0 || groupTerms.Any(string.IsNullOrWhiteSpace))
                    throw new ConfigurationFileException(fileName, id, field, "a group needs at least one non-empty term");
                Validate(groupTerms, caseSensitive: false, fileName, id, field);
                var near = groupTerms.FirstOrDefault(t => TermSyntax.Parse(t, false).IsProximity);
                if (near is not null)
                    throw new ConfigurationFileException(fileName, id, field, $"'{near}': required groups are phrases, NEAR/n is not allowed here");
                groups.Add(groupTerms);
            }
        }

        var scope = MatchScope.Paragraph;
        if (item.TryGetProperty("scope", out var scopeValue))
        {
            if (scopeValue.ValueKind != JsonValueKind.String || !Enum.TryParse(scopeValue.GetString(), ignoreCase: true, out scope) || !Enum.IsDefined(scope))
                throw new ConfigurationFileException(fileName, id, "scope", "expected \"sentence\", \"paragraph\" or \"statement\"");
            if (groups.Count == 0)
                throw new ConfigurationFileException(fileName, id, "scope", "only meaningful with \"requireAll\"");
        }

        return new Topic(id, name, terms) { Acronyms = acronyms, Exclude = exclude, RequireAll = groups, Scope = scope, Region = String(item, "region") ?? Topic.DefaultRegion };
    }

    private static void Validate(IEnumerable<string> terms, bool caseSensitive, string fileName, string id, string field)
    {
        foreach (var term in terms)
        {
            try
            {
                TermSyntax.Parse(term, caseSensitive);
            }
            catch (FormatException ex)
            {
                throw new ConfigurationFileException(fileName, id, field, ex.Message, ex);
            }
        }
    }

    private static List<string> Strings(JsonElement item, string field, string fileName, string id, bool required)
    {
        if (!item.TryGetProperty(field, out var value))
        {
            if (required) throw new ConfigurationFileException(fileName, id, field, "missing");
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
            throw new ConfigurationFileException(fileName, id, field, "expected an array of strings");
        return StringArray(value, fileName, id, field);
    }

    private static List<string> StringArray(JsonElement array, string fileName, string id, string field)
    {
        var result = new List<string>();
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
                throw new ConfigurationFileException(fileName, id, field, "every entry must be a non-empty string");
            result.Add(element.GetString()!.Trim());
        }
        return result;
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
