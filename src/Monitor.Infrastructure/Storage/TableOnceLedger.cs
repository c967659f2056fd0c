using Azure;
using Azure.Data.Tables;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// <see cref="IOnceLedger"/> in Table Storage: partition = scope, row = the escaped id. A claim is an add (409 when
/// the row exists); taking over an expired claim is an update conditional on the ETag read, so of two workers
/// racing for it exactly one wins.
/// </summary>
public sealed class TableOnceLedger(StorageClients clients, TimeProvider time) : IOnceLedger
{
    private TableClient Table => clients.Table(StorageClients.TableNames.Once);

    public async Task<OnceClaim> ClaimAsync(OnceKey key, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var entity = Entity(key, OnceState.Pending, owner, leaseUntil, attempts: 1);
        try
        {
            var added = await Table.AddEntityAsync(entity, cancellationToken);
            return new OnceClaim(ClaimOutcome.Claimed, key, owner, leaseUntil, added.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Held or done: read it and decide.
        }

        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(key), RowKey(key), cancellationToken: cancellationToken);
        if (!existing.HasValue)
            // Released between our add and our read: try once more from the start.
            return await ClaimAsync(key, owner, leaseUntil, cancellationToken);
        var current = ToRecord(key, existing.Value!);
        if (current.State == OnceState.Done) return new OnceClaim(ClaimOutcome.AlreadyDone, key, current.Owner, current.LeaseUntil, null);
        if (current.LeaseUntil > time.GetUtcNow())
            return new OnceClaim(ClaimOutcome.HeldByOther, key, current.Owner, current.LeaseUntil, null);

        try
        {
            var taken = await Table.UpdateEntityAsync(Entity(key, OnceState.Pending, owner, leaseUntil, current.Attempts + 1),
                existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            return new OnceClaim(ClaimOutcome.Claimed, key, owner, leaseUntil, taken.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Someone else took it over (or completed or released it) since we read it.
            return await ClaimAsync(key, owner, leaseUntil, cancellationToken);
        }
    }

    public async Task CompleteAsync(OnceClaim claim, CancellationToken cancellationToken) =>
        // Unconditional: the effect happened, whoever holds the row now (a taker-over after our lease ran out).
        await Table.UpsertEntityAsync(new TableEntity(PartitionKey(claim.Key), RowKey(claim.Key))
        {
            ["State"] = nameof(OnceState.Done),
            ["Owner"] = claim.Owner,
            ["DoneAt"] = time.GetUtcNow(),
        }, TableUpdateMode.Merge, cancellationToken);

    public async Task ReleaseAsync(OnceClaim claim, CancellationToken cancellationToken)
    {
        if (claim.Version is null) return;
        try
        {
            await Table.DeleteEntityAsync(PartitionKey(claim.Key), RowKey(claim.Key), new ETag(claim.Version), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // No longer ours: taken over or completed by someone else.
        }
    }

    public async Task<OnceRecord?> GetAsync(OnceKey key, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(key), RowKey(key), cancellationToken: cancellationToken);
        return existing.HasValue ? ToRecord(key, existing.Value!) : null;
    }

    /// <summary>Every record of a scope, for tests and operators.</summary>
    public async IAsyncEnumerable<OnceRecord> ListAsync(string scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = PartitionKey(new OnceKey(scope, ""));
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == partition, cancellationToken: cancellationToken))
            yield return ToRecord(new OnceKey(scope, Uri.UnescapeDataString(e.RowKey)), e);
    }

    private static TableEntity Entity(OnceKey key, OnceState state, string owner, DateTimeOffset leaseUntil, int attempts) =>
        new(PartitionKey(key), RowKey(key))
        {
            ["State"] = state.ToString(),
            ["Owner"] = owner,
            ["LeaseUntil"] = leaseUntil,
            ["Attempts"] = attempts,
        };

    private static OnceRecord ToRecord(OnceKey key, TableEntity e) => new(
        key,
        Enum.TryParse<OnceState>(e.GetString("State"), out var state) ? state : OnceState.Pending,
        e.GetString("Owner") ?? string.Empty,
        e.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue,
        e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("DoneAt"));

    // Keys may not hold / \ # ? or control characters; escaping keeps them readable and reversible.
    private static string PartitionKey(OnceKey key) => Uri.EscapeDataString(key.Scope);

    private static string RowKey(OnceKey key) => key.Id.Length <= 300
        ? Uri.EscapeDataString(key.Id)
        : throw new ArgumentException($"A once-ledger id is at most 300 characters: '{key.Id[..40]}…'.", nameof(key));
}
