namespace MinistryMonitor.Core.Archive;

/// <summary>
/// One page of a listing, newest first. <see cref="ContinuationToken"/> is opaque: pass it back unchanged to get the
/// next page; it is null on the last page.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken)
{
    public static Page<T> Empty { get; } = new([], null);
}

/// <summary>A continuation token that this listing did not issue, or that was altered (the API answers 400).</summary>
public sealed class InvalidContinuationTokenException(string message) : ArgumentException(message, "continuationToken");
