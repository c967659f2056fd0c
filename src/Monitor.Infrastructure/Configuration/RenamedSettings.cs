using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace MinistryMonitor.Infrastructure.Configuration;

/// <summary>
/// Settings renamed in this release, whose old names are still read for one release: an old name alone is read as
/// the new one (and a warning at start-up names both); when both are set, the new name wins. Remove an entry, and
/// its old name is no longer read, one release after the rename.
/// </summary>
public static class RenamedSettings
{
    /// <summary>Old name → new name: a setting, or a section whose every key moves with it.</summary>
    public static IReadOnlyList<SettingRename> All { get; } =
    [
        new("FETCH_SCHEDULE", "DISCOVER_SCHEDULE"),
        new("Unsubscribe", "Links"),
        new("Pipeline", "LocalRunner"),
    ];

    /// <summary>
    /// Reads the old names into the new ones where only the old are set (a source added last, holding only those
    /// keys), once per configuration. Call it before anything reads a renamed setting; later calls return the same notices.
    /// </summary>
    public static IReadOnlyList<RenamedSettingUse> Apply(IConfigurationManager configuration)
    {
        if (configuration.Sources.OfType<Source>().FirstOrDefault() is { } applied) return applied.Uses;
        var uses = new List<RenamedSettingUse>();
        var fallbacks = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var rename in All)
        {
            foreach (var (key, value) in configuration.AsEnumerable())
            {
                if (value is null || !rename.Covers(key)) continue;
                var newKey = rename.New + key[rename.Old.Length..];
                var newIsSet = configuration[newKey] is not null;
                uses.Add(new RenamedSettingUse(key, newKey, newIsSet));
                if (!newIsSet) fallbacks[newKey] = value;
            }
        }
        configuration.Sources.Add(new Source(uses) { InitialData = fallbacks });
        return uses;
    }

    /// <summary>The fallbacks' source, which also marks a configuration whose renames were applied.</summary>
    private sealed class Source(IReadOnlyList<RenamedSettingUse> uses) : MemoryConfigurationSource
    {
        public IReadOnlyList<RenamedSettingUse> Uses { get; } = uses;
    }
}

/// <summary>A setting or section renamed from <see cref="Old"/> to <see cref="New"/>.</summary>
public sealed record SettingRename(string Old, string New)
{
    public bool Covers(string key) =>
        key.Equals(Old, StringComparison.OrdinalIgnoreCase) || key.StartsWith(Old + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An old setting name found in the configuration; <see cref="NewIsSet"/>: the new name is set too, and wins.</summary>
public sealed record RenamedSettingUse(string OldKey, string NewKey, bool NewIsSet);
