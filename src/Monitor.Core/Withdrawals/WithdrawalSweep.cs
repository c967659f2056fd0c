using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Politeness;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Withdrawals;

/// <summary>
/// Run with the schedule: at most once per <see cref="WithdrawalSchedule.SweepInterval"/> per source, queues a
/// withdrawal check (<see cref="FetchRequest.WithdrawalCheck"/>) for each of its recent statements whose check is due
/// (<see cref="WithdrawalSchedule"/>). It reads only the source's listing rows of the window's months; the checks
/// are spaced one host spacing apart with queue visibility delays, as a discovery's page fetches are.
/// </summary>
public sealed class WithdrawalSweep(
    WithdrawalSchedule schedule,
    IStatementTimeline timeline,
    ISourceStateStore state,
    IMessageQueue queue,
    PageFetcher fetcher,
    TimeProvider time,
    ILogger<WithdrawalSweep> logger)
{
    /// <returns>The checks queued.</returns>
    public async Task<int> SweepAsync(Source source, CancellationToken cancellationToken)
    {
        if (!schedule.Enabled) return 0;
        var now = time.GetUtcNow();
        var last = await state.GetLastSweptAsync(source.Id, cancellationToken);
        if (last is { } l && now - l < schedule.SweepInterval) return 0;
        var since = last ?? now - schedule.SweepInterval;

        var queued = 0;
        TimeSpan? spacing = null;
        string? token = null;
        do
        {
            var page = await timeline.ListAsync(new StatementQuery
            {
                SourceId = source.Id, Since = now - schedule.Window, PageSize = Paging.MaxPageSize, ContinuationToken = token,
            }, cancellationToken);
            foreach (var statement in page.Items.Where(s => schedule.IsDue(s.FirstSeen, since, now)))
            {
                spacing ??= await fetcher.SpacingForAsync(statement.Url, cancellationToken);
                var check = new FetchRequest(source.Id, statement.StatementId, statement.Url.AbsoluteUri, statement.Url, null, now, Recheck: true, WithdrawalCheck: true);
                await queue.SendAsync(QueueNames.Fetch, check, FetchSpacing.DelayOf(queued++, spacing.Value, source.Interval), cancellationToken);
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
        await state.SetLastSweptAsync(source.Id, now, cancellationToken);
        if (queued > 0) logger.LogInformation("Queued {Count} withdrawal checks of recent statements of {SourceId}", queued, source.Id);
        return queued;
    }
}
