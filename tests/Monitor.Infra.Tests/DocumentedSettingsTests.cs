using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using MinistryMonitor.Core.Tests;

namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// docs/configuration.md lists every setting the code binds, with the default and range the options class gives it,
/// and every timer schedule the Functions read; and it lists nothing the code does not read. A row names its
/// setting as <c>`Section:Key`</c> in the first cell (a renamed setting also names its old name there), its default
/// in the second, its range in the third and where the Bicep sets it in the last.
/// </summary>
public sealed class DocumentedSettingsTests
{
    private const string Page = "docs/configuration.md";
    private static readonly IReadOnlyList<IReadOnlyList<string>> SettingRows = SettingTableRows(RepositoryDocs.Read(Page));

    [Fact]
    public void ConfigurationDoc_SettingTables_AreFound()
    {
        // Guards the parsing: with no rows, the tests below would pass vacuously.
        Assert.True(SettingRows.Count >= 40, $"Only {SettingRows.Count} setting rows found in {Page}.");
    }

    [Fact]
    public void ConfigurationDoc_EveryBoundSetting_HasARow()
    {
        var missing = CodeSettings.AllBoundSettings().Keys.Where(s => RowOf(s) is null).ToList();

        Assert.True(missing.Count == 0, $"Settings the code binds that {Page} does not list:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void ConfigurationDoc_EveryOptionsProperty_ShowsTheDefaultAndRangeOfTheCode()
    {
        var wrong = new List<string>();
        foreach (var type in CodeSettings.AppAssemblies.SelectMany(CodeSettings.OptionsTypes))
        {
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
            {
                var setting = $"{CodeSettings.SectionName(type)}__{property.Name}";
                if (RowOf(setting) is not { Count: >= 5 } row) continue; // a missing row fails the test above
                foreach (var value in DefaultTexts(property.GetValue(defaults)))
                {
                    if (!row[1].Contains(value, StringComparison.Ordinal))
                        wrong.Add($"{setting}: the code's default is {value}, the page says '{row[1]}'");
                }
                if (property.GetCustomAttribute<RangeAttribute>() is { } range)
                {
                    var text = $"{Number(range.Minimum)}–{Number(range.Maximum)}";
                    if (!row[2].Contains(text, StringComparison.Ordinal))
                        wrong.Add($"{setting}: the code's range is {text}, the page says '{row[2]}'");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{Page} disagrees with the options classes:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void ConfigurationDoc_EveryTimerSchedule_HasARow()
    {
        var timers = FunctionsMetadata.PercentSettings().Keys.ToList();
        Assert.NotEmpty(timers);

        var missing = timers.Where(s => RowOf(s) is null).ToList();

        Assert.True(missing.Count == 0, $"Timer schedule settings that {Page} does not list: " + string.Join(", ", missing));
    }

    [Fact]
    public void ConfigurationDoc_SettingsLeftUnsetOnAzure_SaySo()
    {
        var wrong = AppSettingsTests.NotSetOnAzure.Keys
            .Where(s => RowOf(s) is { } row && !row[^1].Contains("not set on Azure", StringComparison.Ordinal))
            .ToList();

        Assert.True(wrong.Count == 0, $"Settings the Bicep deliberately leaves unset, whose row in {Page} does not say 'not set on Azure': " + string.Join(", ", wrong));
    }

    [Fact]
    public void ConfigurationDoc_EveryRow_NamesASettingTheCodeReads()
    {
        var read = CodeSettings.AllBoundSettings().Keys.Select(DocumentedName)
            .Concat(FunctionsMetadata.PercentSettings().Keys)
            .ToHashSet(StringComparer.Ordinal);

        // A row may name the old and the new name of a renamed setting: one of them must be read.
        var stale = SettingRows.Where(row => !Names(row[0]).Any(read.Contains)).Select(row => row[0]).ToList();

        Assert.True(stale.Count == 0, $"Rows of {Page} for settings the code does not read:\n" + string.Join('\n', stale));
    }

    private static IReadOnlyList<string>? RowOf(string setting)
    {
        var name = DocumentedName(setting);
        return SettingRows.FirstOrDefault(row => Names(row[0]).Contains(name));
    }

    /// <summary>Storage__TablePrefix is documented as Storage:TablePrefix, a list Web__Operators__ as Web:Operators.</summary>
    private static string DocumentedName(string setting) =>
        setting.EndsWith("__", StringComparison.Ordinal) ? setting[..^2].Replace("__", ":") : setting.Replace("__", ":");

    private static IEnumerable<string> Names(string cell) =>
        cell.Split('`').Where((_, i) => i % 2 == 1);

    private static IEnumerable<string> DefaultTexts(object? value) => value switch
    {
        null => [],
        string text => text.Length == 0 ? [] : [text],
        bool flag => [flag ? "true" : "false"],
        Enum member => [member.ToString()],
        System.Collections.IEnumerable items => items.Cast<object>().Select(i => i.ToString()!),
        _ => [Number(value)],
    };

    private static string Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>The body rows of the tables whose first column is headed "setting".</summary>
    private static IReadOnlyList<IReadOnlyList<string>> SettingTableRows(string markdown) =>
        RepositoryDocs.Tables(markdown).Where(t => t.Header[0] == "setting").SelectMany(t => t.Rows).ToList();
}
