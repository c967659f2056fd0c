namespace MinistryMonitor.Core.Fetching;

/// <summary>
/// The ETag and Last-Modified a server last gave for a URL (a feed, a listing, a rechecked statement page), sent
/// back as If-None-Match / If-Modified-Since so that an unchanged resource costs a 304 and nothing else.
/// </summary>
public interface IValidatorStore
{
    Task<HttpValidators?> GetAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Replaces what is kept for the URL, pending statements included.</summary>
    Task SetAsync(Uri url, HttpValidators validators, CancellationToken cancellationToken);
}

/// <summary>A response's cache validators, kept verbatim as the server sent them.</summary>
public sealed record HttpValidators(string? ETag, string? LastModified, DateTimeOffset StoredAt)
{
    public bool IsEmpty => ETag is null && LastModified is null;

    /// <summary>
    /// Ids of the statements the response listed that were not archived yet when it was read (queued for fetching).
    /// Validators with pending statements are sent only once each of them is archived (see
    /// <see cref="PendingStatementsCheck"/>); until then a 304 could hide a statement whose fetch failed. Empty for
    /// plain validators, which are sent as they are.
    /// </summary>
    public IReadOnlyList<string> PendingStatements { get; init; } = [];
}

/// <summary>Whether every one of <paramref name="statementIds"/> is archived now, so validators kept before they were may be sent.</summary>
public delegate Task<bool> PendingStatementsCheck(IReadOnlyList<string> statementIds, CancellationToken cancellationToken);
