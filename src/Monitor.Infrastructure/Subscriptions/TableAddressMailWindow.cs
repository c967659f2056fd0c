using Azure;
using Azure.Data.Tables;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Subscriptions;

/// <summary>
/// The per-address e-mail window in the subscriptions table: partition "mailed", row = the subscription id of the
/// address (a hash; the address itself is not stored here), <c>SentAt</c> = when the window opened. Writes are
/// conditional (insert, or replace under the ETag read), so two instances never both open one window.
/// </summary>
public sealed class TableAddressMailWindow(StorageClients clients, TimeProvider time) : IAddressMailWindow
{
    private const string Partition = "mailed";

    private TableClient Table => clients.Table(StorageClients.TableNames.Subscriptions);

    public async Task<DateTimeOffset?> TryOpenAsync(string address, TimeSpan window, CancellationToken cancellationToken)
    {
        var row = Subscription.IdOf(address);
        var now = time.GetUtcNow();
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, row, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetDateTimeOffset("SentAt") is { } sentAt && sentAt + window > now)
            return sentAt + window;
        var entity = new TableEntity(Partition, row) { ["SentAt"] = now };
        try
        {
            if (existing.HasValue) await Table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            else await Table.AddEntityAsync(entity, cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another request opened it between the read and the write: this one waits a whole window.
            return now + window;
        }
    }

    public async Task ReleaseAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, Subscription.IdOf(address), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }
}
