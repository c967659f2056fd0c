namespace MinistryMonitor.Core.Fetching;

/// <summary>Bounds on one response (from the <c>Fetch</c> settings).</summary>
/// <param name="MaxBytes">Body bytes after decompression beyond which the response is refused: a gzip bomb stops here.</param>
/// <param name="BodyTimeout">Time allowed to read the body once the headers have arrived: a server that stalls mid-body is cut off.</param>
public sealed record FetchLimits(long MaxBytes, TimeSpan BodyTimeout)
{
    public static FetchLimits Default { get; } = new(PageFetcher.MaxBytes, TimeSpan.FromSeconds(30));
}
