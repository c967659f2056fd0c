using Azure.Data.Tables;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// ETag and Last-Modified per URL in Table Storage: one partition per host, the URL's hash as the row key.
/// Validators that still wait for statements to be archived are stored under other column names
/// (<c>PendingETagValue</c>, <c>PendingLastModified</c>, with the ids space-separated in <c>PendingStatements</c>),
/// so that a version of the app that predates them sees no validators and fetches in full rather than trusting
/// them; rows written before them (only <c>ETagValue</c>, <c>LastModified</c>) read as plain validators.
/// </summary>
public sealed class TableValidatorStore(StorageClients clients) : IValidatorStore
{
    private TableClient Table => clients.Table(StorageClients.TableNames.HttpValidators);

    public async Task<HttpValidators?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(url), Row(url), cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var e = response.Value!;
        var storedAt = e.GetDateTimeOffset("StoredAt") ?? DateTimeOffset.MinValue;
        var pending = e.GetString("PendingStatements")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return pending.Length == 0
            ? new HttpValidators(e.GetString("ETagValue"), e.GetString("LastModified"), storedAt)
            : new HttpValidators(e.GetString("PendingETagValue"), e.GetString("PendingLastModified"), storedAt) { PendingStatements = pending };
    }

    public async Task SetAsync(Uri url, HttpValidators validators, CancellationToken cancellationToken)
    {
        var pending = validators.PendingStatements.Count > 0;
        await Table.UpsertEntityAsync(new TableEntity(Partition(url), Row(url))
        {
            ["Url"] = url.AbsoluteUri.Length > 8_000 ? url.AbsoluteUri[..8_000] : url.AbsoluteUri,
            // "ETag" is the table entity's own concurrency tag, so the HTTP one needs another name.
            [pending ? "PendingETagValue" : "ETagValue"] = validators.ETag,
            [pending ? "PendingLastModified" : "LastModified"] = validators.LastModified,
            ["PendingStatements"] = pending ? string.Join(' ', validators.PendingStatements) : null,
            ["StoredAt"] = validators.StoredAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    private static string Partition(Uri url) => url.IdnHost.ToLowerInvariant() + "_" + url.Port;

    private static string Row(Uri url) => Hashes.Sha256(url.AbsoluteUri);
}
