namespace Monitor.Core.Storage;

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
    Task<bool> TryCreateAsync(BlobArea area, string path, BinaryData content, string contentType, CancellationToken cancellationToken);

    Task<BinaryData?> ReadAsync(BlobArea area, string path, CancellationToken cancellationToken);
}
