using Azure;
using Azure.Data.Tables;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Infrastructure.Subscriptions;

/// <summary>
/// Subscriptions in Table Storage: partition "sub", row = subscription id (a hash of the address), the whole
/// subscription as JSON beside a few readable columns; a "meta/version" row changes with every write.
/// </summary>
public sealed class TableSubscriptionStore(StorageClients clients, TimeProvider time) : ISubscriptionStore
{
    private const string Partition = "sub";
    private const string MetaPartition = "meta";
    private const string VersionRow = "version";

    private TableClient Table => clients.Table(StorageClients.TableNames.Subscriptions);

    public async Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return entity.HasValue ? Read(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<Subscription>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
            all.Add(Read(e));
        return all.OrderBy(s => s.Address, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task SaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await Table.UpsertEntityAsync(Write(subscription), TableUpdateMode.Replace, cancellationToken);
        await BumpVersionAsync(cancellationToken);
    }

    public async Task<bool> TryAddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(Write(subscription), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        await BumpVersionAsync(cancellationToken);
        return true;
    }

    public async Task<bool> TryReplaceAsync(Subscription current, Subscription replacement, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, current.Id, cancellationToken: cancellationToken);
        // Compared as this version of the code writes them, so a row written by an older one (fewer properties) still matches.
        if (!entity.HasValue || PipelineJson.Serialize(Read(entity.Value!)) != PipelineJson.Serialize(current)) return false;
        try
        {
            await Table.UpdateEntityAsync(Write(replacement), entity.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
        await BumpVersionAsync(cancellationToken);
        return true;
    }

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, VersionRow, select: ["Stamp"], cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.GetString("Stamp") ?? "0" : "0";
    }

    private async Task BumpVersionAsync(CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(MetaPartition, VersionRow)
        {
            ["Stamp"] = $"{time.GetUtcNow():O}/{Guid.NewGuid():N}",
        }, TableUpdateMode.Replace, cancellationToken);

    private static TableEntity Write(Subscription s) => new(Partition, s.Id)
    {
        ["Address"] = s.Address,
        ["Status"] = s.Status.ToString(),
        ["Mode"] = s.Mode.ToString(),
        ["Channel"] = s.Channel.ToString(),
        ["Json"] = PipelineJson.Serialize(s),
    };

    private static Subscription Read(TableEntity e) => PipelineJson.Deserialize<Subscription>(e.GetString("Json"), "subscriptions table");
}
