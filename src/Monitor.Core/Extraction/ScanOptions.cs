namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// The heuristics the generic extractor can relax one by one when a page yields too little text with all of them
/// on (the same fallback ladder as Readability).
/// </summary>
[Flags]
internal enum ScanOptions
{
    None = 0,
    StripUnlikely = 1,
    WeightClasses = 2,
    CleanConditionally = 4,
    All = StripUnlikely | WeightClasses | CleanConditionally,
}
