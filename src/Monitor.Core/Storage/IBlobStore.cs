namespace MinistryMonitor.Core.Storage;

/// <summary>Which archive a blob belongs to: the statements readers browse, or the raw feeds as fetched.</summary>
public enum BlobArea
{
    Statements,
    Feeds,
}

/// <summary>Write-once blob storage: nothing in the archive is ever overwritten.</summary>
public interface IBlobStore
{
    /// <summary>Creates the blob; returns false, leaving it untouched, when it already exists.</summary>
    Task<bool> TryCreateAsync(BlobArea area, string path, BinaryData content, string contentType, CancellationToken cancellationToken) =>
        TryCreateAsync(area, path, content, contentType, null, cancellationToken);

    /// <summary>Creates the blob with its metadata and index tags, in the same request; false when it already exists.</summary>
    Task<bool> TryCreateAsync(BlobArea area, string path, BinaryData content, string contentType, BlobLabels? labels, CancellationToken cancellationToken);

    Task<BinaryData?> ReadAsync(BlobArea area, string path, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an existing blob's index tags (its content stays untouched): detection tags a version with its topics
    /// after the one match of its text. False when the blob does not exist.
    /// </summary>
    Task<bool> SetTagsAsync(BlobArea area, string path, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);
}

/// <summary>
/// What a blob carries besides its content: metadata (ASCII header values) and blob index tags, which the Azure
/// portal and Storage Explorer filter by (see <see cref="Archive.ArchiveLabels"/>).
/// </summary>
public sealed record BlobLabels(IReadOnlyDictionary<string, string> Metadata, IReadOnlyDictionary<string, string> Tags);
