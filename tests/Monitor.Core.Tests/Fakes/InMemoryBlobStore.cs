using System.Collections.Concurrent;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Fakes;

internal sealed class InMemoryBlobStore : IBlobStore
{
    public ConcurrentDictionary<(BlobArea Area, string Path), BinaryData> Blobs { get; } = new();

    public int Writes;

    public ConcurrentDictionary<(BlobArea Area, string Path), BlobLabels> Labels { get; } = new();

    public Task<bool> TryCreateAsync(BlobArea area, string path, BinaryData content, string contentType, BlobLabels? labels, CancellationToken cancellationToken)
    {
        var created = Blobs.TryAdd((area, path), content);
        if (created && labels is not null) Labels[(area, path)] = labels;
        if (created) Interlocked.Increment(ref Writes);
        return Task.FromResult(created);
    }

    public Task<bool> SetTagsAsync(BlobArea area, string path, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        if (!Blobs.ContainsKey((area, path))) return Task.FromResult(false);
        Labels.AddOrUpdate((area, path), _ => new BlobLabels(new Dictionary<string, string>(), tags), (_, old) => old with { Tags = tags });
        return Task.FromResult(true);
    }

    public Task<BinaryData?> ReadAsync(BlobArea area, string path, CancellationToken cancellationToken) =>
        Task.FromResult(Blobs.TryGetValue((area, path), out var b) ? b : null);
}
