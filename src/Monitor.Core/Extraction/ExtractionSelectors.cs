namespace Monitor.Core.Extraction;

/// <summary>Per-source CSS selectors; any of them may be absent.</summary>
public sealed record ExtractionSelectors(string? Title = null, string? Date = null, string? Body = null)
{
    public static readonly ExtractionSelectors None = new();
}
