using System.Collections.Concurrent;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Fakes;

internal sealed class InMemoryIngestionLog : IIngestionLog
{
    public ConcurrentQueue<IngestionEntry> Entries { get; } = new();

    public Task RecordAsync(IngestionEntry entry, CancellationToken cancellationToken)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IngestionEntry>> ReadRecentAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IngestionEntry>>(Entries.Reverse().Take(max).ToList());
}
