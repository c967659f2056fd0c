using Azure.Data.Tables;
using Monitor.Core.Fetching;
using Monitor.Core.Storage;

namespace Monitor.Infrastructure.Storage;

/// <summary>ETag and Last-Modified per URL in Table Storage: one partition per host, the URL's hash as the row key.</summary>
public sealed class TableValidatorStore(StorageClients clients) : IValidatorStore
{
    private TableClient Table => clients.Table(StorageClients.TableNames.HttpValidators);

    public async Task<HttpValidators?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(url), Row(url), cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var e = response.Value!;
        return new HttpValidators(e.GetString("ETagValue"), e.GetString("LastModified"), e.GetDateTimeOffset("StoredAt") ?? DateTimeOffset.MinValue);
    }

    public async Task SetAsync(Uri url, HttpValidators validators, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(Partition(url), Row(url))
        {
            ["Url"] = url.AbsoluteUri.Length > 8_000 ? url.AbsoluteUri[..8_000] : url.AbsoluteUri,
            // "ETag" is the table entity's own concurrency tag, so the HTTP one needs another name.
            ["ETagValue"] = validators.ETag,
            ["LastModified"] = validators.LastModified,
            ["StoredAt"] = validators.StoredAt,
        }, TableUpdateMode.Replace, cancellationToken);

    private static string Partition(Uri url) => url.IdnHost.ToLowerInvariant() + "_" + url.Port;

    private static string Row(Uri url) => Hashes.Sha256(url.AbsoluteUri);
}
