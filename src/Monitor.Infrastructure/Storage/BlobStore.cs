using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>Write-once blobs: every upload carries If-None-Match: * so an existing blob is never overwritten.</summary>
public sealed class BlobStore(StorageClients clients) : IBlobStore
{
    public async Task<bool> TryCreateAsync(BlobArea area, string path, BinaryData content, string contentType, BlobLabels? labels, CancellationToken cancellationToken)
    {
        var blob = Container(area).GetBlobClient(path);
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = labels?.Metadata.ToDictionary(),
                Tags = labels?.Tags.ToDictionary(),
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<bool> SetTagsAsync(BlobArea area, string path, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        try
        {
            await Container(area).GetBlobClient(path).SetTagsAsync(tags.ToDictionary(), cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<BinaryData?> ReadAsync(BlobArea area, string path, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Container(area).GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Blob names under a prefix, for listing the archive.</summary>
    public async IAsyncEnumerable<string> ListAsync(BlobArea area, string? prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in Container(area).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            yield return item.Name;
    }

    /// <summary>
    /// Rewrites the index tags of the blobs under a prefix: <paramref name="rewrite"/> gets each blob's name and tags
    /// and returns the tags it should carry; blobs whose tags stay the same are not written. Returns how many changed.
    /// </summary>
    public async Task<int> RewriteTagsAsync(BlobArea area, string prefix, Func<string, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> rewrite,
        CancellationToken cancellationToken)
    {
        var changed = 0;
        var container = Container(area);
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Tags }, cancellationToken))
        {
            var tags = item.Tags is null ? new Dictionary<string, string>() : new Dictionary<string, string>(item.Tags);
            var wanted = rewrite(item.Name, tags);
            if (wanted.Count == tags.Count && wanted.All(t => tags.TryGetValue(t.Key, out var v) && v == t.Value)) continue;
            await container.GetBlobClient(item.Name).SetTagsAsync(wanted.ToDictionary(), cancellationToken: cancellationToken);
            changed++;
        }
        return changed;
    }

    private BlobContainerClient Container(BlobArea area) => clients.Blobs.GetBlobContainerClient(area switch
    {
        BlobArea.Statements => clients.Options.ArchiveContainer,
        BlobArea.Feeds => clients.Options.FeedContainer,
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    });
}
