using System.Reflection;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// The settings the code binds, found by reflection: every type in MinistryMonitor.Infrastructure with a
/// <c>public const string SectionName</c> is an options class bound to that configuration section, and each
/// public settable property is the app setting <c>Section__Property</c> (nested classes add <c>__Property</c>).
/// </summary>
public static class CodeSettings
{
    public static Assembly InfrastructureAssembly => typeof(StorageOptions).Assembly;

    /// <summary>Every assembly of the Functions app that holds options classes: the pipeline's, Core's (the section Web) and the web host's.</summary>
    public static IReadOnlyList<Assembly> AppAssemblies => [InfrastructureAssembly, typeof(MinistryMonitor.Core.Configuration.WebOptions).Assembly, typeof(MinistryMonitor.Web.WebServiceExtensions).Assembly];

    public static IReadOnlyDictionary<string, string> AllBoundSettings() =>
        AppAssemblies.SelectMany(a => BoundSettings(a)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static IReadOnlyList<Type> OptionsTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => SectionName(t) is not null).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    /// <summary>App setting name to where it is bound (Type.Property).</summary>
    public static IReadOnlyDictionary<string, string> BoundSettings(Assembly assembly)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in OptionsTypes(assembly))
            AddProperties(settings, SectionName(type)!, type, type.Name, depth: 0);
        return settings;
    }

    public static string? SectionName(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    private static void AddProperties(IDictionary<string, string> settings, string prefix, Type type, string owner, int depth)
    {
        if (depth > 5) throw new InvalidOperationException($"{owner}: options nested too deep.");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0) continue;
            var name = $"{prefix}__{property.Name}";
            var where = $"{owner}.{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
                settings[name] = where;
            else if (propertyType.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
                AddProperties(settings, name, propertyType, where, depth + 1);
            else
                // A list or dictionary binds Name__0, Name__key...: the Bicep must set at least one entry under it.
                settings[name + "__"] = where;
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);
}
