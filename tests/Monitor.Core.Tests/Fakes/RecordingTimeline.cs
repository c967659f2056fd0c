using System.Collections.Concurrent;
using Monitor.Core.Archive;

namespace Monitor.Core.Tests.Fakes;

/// <summary>Keeps the listing rows the pipeline writes, last write per statement.</summary>
internal sealed class RecordingTimeline : IStatementTimeline
{
    public ConcurrentDictionary<string, StatementSummary> Rows { get; } = new();

    public Task RecordAsync(StatementSummary statement, IReadOnlyList<string> previousTopics, CancellationToken cancellationToken)
    {
        Rows[statement.StatementId] = statement;
        return Task.CompletedTask;
    }
}
