using System.Collections.Concurrent;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Core.Tests.Fakes;

/// <summary>Keeps the listing rows the pipeline writes, last write per statement.</summary>
internal sealed class RecordingTimeline : IStatementTimeline
{
    public ConcurrentDictionary<string, StatementSummary> Rows { get; } = new();

    /// <summary>The topics each write was told the statement was listed under before it.</summary>
    public ConcurrentDictionary<string, IReadOnlyList<string>> PreviousTopics { get; } = new();

    public Task<Page<StatementSummary>> ListAsync(StatementQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<StatementSummary>(Rows.Values.Where(s => query.SourceId is null || s.SourceId == query.SourceId).ToList(), null));

    public Task RecordAsync(StatementSummary statement, IReadOnlyList<string> previousTopics, CancellationToken cancellationToken)
    {
        Rows[statement.StatementId] = statement;
        PreviousTopics[statement.StatementId] = previousTopics;
        return Task.CompletedTask;
    }
}
