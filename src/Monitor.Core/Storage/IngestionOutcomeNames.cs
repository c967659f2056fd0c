using System.Text.Json;

namespace MinistryMonitor.Core.Storage;

/// <summary>
/// The names operators see and type for ingestion outcomes (<c>ok</c>, <c>http-error</c>, <c>network-error</c>,
/// <c>invalid-content</c>, <c>blocked</c>, <c>not-modified</c>, <c>robots</c>).
/// </summary>
public static class IngestionOutcomeNames
{
    public static string ToName(this IngestionOutcome outcome) => JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.ToString());

    public static bool TryParse(string? name, out IngestionOutcome outcome)
    {
        foreach (var value in Enum.GetValues<IngestionOutcome>())
        {
            if (string.Equals(value.ToName(), name?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                outcome = value;
                return true;
            }
        }
        outcome = default;
        return false;
    }

    public static IReadOnlyList<string> All { get; } = Enum.GetValues<IngestionOutcome>().Select(o => o.ToName()).ToArray();
}
