using System.Collections.Concurrent;

namespace MinistryMonitor.Core.Fetching;

/// <summary>Validators kept for the life of the process: for one-off fetches (<c>monitor extract URL</c>) that have no storage.</summary>
public sealed class InMemoryValidatorStore : IValidatorStore
{
    private readonly ConcurrentDictionary<string, HttpValidators> _validators = new(StringComparer.Ordinal);

    public Task<HttpValidators?> GetAsync(Uri url, CancellationToken cancellationToken) =>
        Task.FromResult(_validators.TryGetValue(url.AbsoluteUri, out var v) ? v : null);

    public Task SetAsync(Uri url, HttpValidators validators, CancellationToken cancellationToken)
    {
        _validators[url.AbsoluteUri] = validators;
        return Task.CompletedTask;
    }
}
