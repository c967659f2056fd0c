namespace MinistryMonitor.Core.Extraction;

/// <summary>Bounds that keep one hostile or broken page from taking the whole stage down.</summary>
public sealed record ExtractionLimits
{
    public static readonly ExtractionLimits Default = new();

    /// <summary>Raw inputs above this are refused: no ministry statement is that large.</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Decoded HTML beyond this many characters is cut off before parsing (best effort), because parse time and
    /// memory grow with size while statements sit at the top of a page.
    /// </summary>
    public int MaxParsedChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Element nesting beyond this depth is flattened before parsing (see <see cref="NestingLimiter"/>).</summary>
    public int MaxNestingDepth { get; init; } = 1024;
}
