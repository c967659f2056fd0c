namespace MinistryMonitor.Core.Extraction;

/// <summary>What the extraction stage found in one page or feed item.</summary>
/// <param name="Text">The body text; paragraphs are separated by a blank line ("\n\n").</param>
/// <param name="Method">Which method produced the body, e.g. "selectors", "generic", "json-ld", "fragment".</param>
public sealed record ExtractedStatement(
    string? Title,
    string Text,
    DateTimeOffset? Published,
    string? Language,
    string? Author,
    string? DocumentNumber,
    string Method)
{
    /// <summary>The page was larger than the extraction limit and only its beginning was read.</summary>
    public bool Truncated { get; init; }

    /// <summary>Why no text could be extracted (an empty or binary page); the raw page is archived all the same.</summary>
    public string? Error { get; init; }

    public const string FailedMethod = "failed";
}
