namespace MinistryMonitor.Core.Extraction;

/// <summary>Per-source CSS selectors; any of them may be absent.</summary>
/// <param name="DocumentNumber">The element that holds the press release's number (mid.ru prints it apart from the text).</param>
public sealed record ExtractionSelectors(string? Title = null, string? Date = null, string? Body = null, string? DocumentNumber = null)
{
    public static readonly ExtractionSelectors None = new();
}
