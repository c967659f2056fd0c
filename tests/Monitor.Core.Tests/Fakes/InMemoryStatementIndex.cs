using System.Collections.Concurrent;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Fakes;

/// <summary>An index with Table Storage's optimistic concurrency: a save with a stale ETag fails.</summary>
internal sealed class InMemoryStatementIndex : IStatementIndex
{
    private readonly ConcurrentDictionary<(string, string), StatementRecord> _records = new();
    private int _etag;

    /// <summary>Runs once before the next save, to play a concurrent writer.</summary>
    public Action? BeforeNextSave { get; set; }

    /// <summary>Point reads so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    private int _reads;

    public Task<StatementRecord?> GetAsync(string sourceId, string statementId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_records.TryGetValue((sourceId, statementId), out var r) ? r : null);
    }

    public Task<bool> TrySaveAsync(StatementRecord record, CancellationToken cancellationToken)
    {
        var hook = BeforeNextSave;
        BeforeNextSave = null;
        hook?.Invoke();
        lock (_records)
        {
            var key = (record.SourceId, record.StatementId);
            var exists = _records.TryGetValue(key, out var current);
            if (record.ETag is null ? exists : !exists || current!.ETag != record.ETag) return Task.FromResult(false);
            _records[key] = record with { ETag = Interlocked.Increment(ref _etag).ToString() };
            return Task.FromResult(true);
        }
    }

    public void Put(StatementRecord record) => _records[(record.SourceId, record.StatementId)] = record with { ETag = Interlocked.Increment(ref _etag).ToString() };

    public async IAsyncEnumerable<StatementRecord> ListAsync(string? sourceId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var r in _records.Values.Where(r => sourceId is null || r.SourceId == sourceId)) yield return r;
    }
}
