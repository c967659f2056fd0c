namespace Monitor.Web.Archive;

/// <summary>One page of a listing; pass <see cref="ContinuationToken"/> back to get the next, null when there is none.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
