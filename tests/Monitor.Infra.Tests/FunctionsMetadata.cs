using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Infra.Tests;

/// <summary>The functions.metadata the Worker SDK generates from the [Function] methods: what the Functions host binds on Azure.</summary>
public static partial class FunctionsMetadata
{
    public sealed record Binding(string Function, string Type, JsonObject Json)
    {
        public string? Property(string name) =>
            Json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
    }

    private static readonly Lazy<IReadOnlyList<Binding>> LazyBindings = new(Load);

    /// <summary>Every binding of every function.</summary>
    public static IReadOnlyList<Binding> Bindings => LazyBindings.Value;

    public static IEnumerable<Binding> Triggers(string type) =>
        Bindings.Where(b => string.Equals(b.Type, type, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlySet<string> FunctionNames => Bindings.Select(b => b.Function).ToHashSet(StringComparer.Ordinal);

    /// <summary>The app settings the host resolves in binding expressions: <c>%NAME%</c> in any string of any binding.</summary>
    public static IReadOnlyDictionary<string, string> PercentSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var binding in Bindings)
            foreach (var text in Strings(binding.Json))
                foreach (Match match in PercentExpression().Matches(text))
                    settings.TryAdd(match.Groups["name"].Value, $"{binding.Function} ({binding.Type}): {text}");
        return settings;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static IReadOnlyList<Binding> Load()
    {
        var path = InfraPaths.FunctionsMetadata;
        if (!File.Exists(path))
            throw new FileNotFoundException($"No functions.metadata at {path}: the Monitor.Functions project reference should have built it.", path);
        var functions = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        return functions.OfType<JsonObject>()
            .SelectMany(f => (f["bindings"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(b => new Binding((string)f["name"]!, (string?)b["type"] ?? "", b)))
            .ToList();
    }

    [GeneratedRegex(@"%(?<name>[A-Za-z0-9_:.\-]+)%")]
    private static partial Regex PercentExpression();
}
