using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of infra/main.bicep, with the few questions the tests ask of it:
/// which app settings the function app gets, and which queues, tables and containers the storage account gets.
/// Values are ARM expressions (<c>[parameters('x')]</c>) where they depend on parameters; names are literal.
/// </summary>
public sealed partial class ArmTemplate
{
    private static readonly Lazy<ArmTemplate> LazyMain = new(() =>
    {
        var build = BicepCli.BuildMain();
        if (build.ExitCode != 0) throw new InvalidOperationException($"bicep build failed: {build}");
        return new ArmTemplate(JsonNode.Parse(build.StandardOutput)!.AsObject());
    });

    public static ArmTemplate Main => LazyMain.Value;

    public ArmTemplate(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    /// <summary>The root template and every nested deployment's template (the Bicep modules).</summary>
    public IEnumerable<JsonObject> Templates()
    {
        var pending = new Stack<JsonObject>();
        pending.Push(Root);
        while (pending.Count > 0)
        {
            var template = pending.Pop();
            yield return template;
            foreach (var resource in ResourcesOf(template))
            {
                if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
                    pending.Push(nested);
            }
        }
    }

    /// <summary>Resources of a type in every template, each with the template that declares it.</summary>
    public IEnumerable<(JsonObject Resource, JsonObject Template)> Resources(string type) =>
        from template in Templates()
        from resource in ResourcesOf(template)
        where string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase)
        select (resource, template);

    /// <summary>The function app's settings: name to raw value (a literal or an ARM expression).</summary>
    public IReadOnlyDictionary<string, string> AppSettings()
    {
        // Configuration keys are case-insensitive in .NET, and so are app setting names.
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (resource, _) in Resources("Microsoft.Web/sites/config"))
        {
            if (!((string?)resource["name"] ?? "").Contains("appsettings", StringComparison.OrdinalIgnoreCase)) continue;
            if (resource["properties"] is not JsonObject properties)
                throw new InvalidOperationException(
                    "The appsettings resource's properties are an expression, not an object of names: keep them literal in function.bicep so that they can be checked.");
            foreach (var (name, value) in properties) settings[name] = value?.ToString() ?? "";
        }
        foreach (var (resource, _) in Resources("Microsoft.Web/sites"))
        {
            if (resource["properties"]?["siteConfig"]?["appSettings"] is JsonArray list)
                foreach (var item in list.OfType<JsonObject>())
                    settings[(string)item["name"]!] = item["value"]?.ToString() ?? "";
        }
        return settings;
    }

    /// <summary>
    /// The last name segment of every resource of a child type (queues, tables, containers) that the template
    /// creates for certain: literal names, and the literal string arrays in variables that a copy loop runs over.
    /// Names that come from parameters are not counted.
    /// </summary>
    public IReadOnlySet<string> ChildNames(string type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (resource, template) in Resources(type))
        {
            var name = (string?)resource["name"] ?? "";
            if (!name.StartsWith('['))
            {
                names.Add(name.Split('/')[^1]);
                continue;
            }
            if (resource["copy"] is not null)
            {
                foreach (Match variable in VariableReference().Matches(name))
                {
                    if (template["variables"]?[variable.Groups["name"].Value] is JsonArray items)
                        foreach (var item in items)
                            if (item is JsonValue value && value.TryGetValue<string>(out var text) && !text.StartsWith('['))
                                names.Add(text);
                }
            }
            else if (TrailingLiteral().Match(name) is { Success: true } literal)
            {
                names.Add(literal.Groups["name"].Value);
            }
        }
        return names;
    }

    /// <summary>Parameters of the root template (main.bicep): name to declaration.</summary>
    public IReadOnlyDictionary<string, JsonObject> Parameters() =>
        (Root["parameters"] as JsonObject ?? new JsonObject())
            .ToDictionary(p => p.Key, p => p.Value!.AsObject(), StringComparer.Ordinal);

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => template["resources"] switch
    {
        JsonArray list => list.OfType<JsonObject>(),                                  // languageVersion 1.0
        JsonObject symbolic => symbolic.Select(r => r.Value).OfType<JsonObject>(),   // languageVersion 2.0
        _ => [],
    };

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@",\s*'(?<name>[^']+)'\)\]$")]
    private static partial Regex TrailingLiteral();
}
