namespace Monitor.Core.Fetching;

/// <summary>
/// The ETag and Last-Modified a server last gave for a URL (a feed, a listing, a rechecked statement page), sent
/// back as If-None-Match / If-Modified-Since so that an unchanged resource costs a 304 and nothing else.
/// </summary>
public interface IValidatorStore
{
    Task<HttpValidators?> GetAsync(Uri url, CancellationToken cancellationToken);

    Task SetAsync(Uri url, HttpValidators validators, CancellationToken cancellationToken);
}

/// <summary>A response's cache validators, kept verbatim as the server sent them.</summary>
public sealed record HttpValidators(string? ETag, string? LastModified, DateTimeOffset StoredAt)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}
