using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Withdrawals;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Run by the timer: enqueues one <see cref="DiscoverRequest"/> for every enabled source whose interval has passed,
/// unless its site asked (Retry-After) to be left alone for longer, and the withdrawal checks of its recent statements
/// that are due (<see cref="WithdrawalSweep"/>; not in unit tests that leave it out).
/// </summary>
public sealed class ScheduleStage(
    MonitorConfiguration configuration,
    ISourceStateStore state,
    IMessageQueue queue,
    TimeProvider time,
    ILogger<ScheduleStage> logger,
    WithdrawalSweep? withdrawals = null)
{
    /// <summary>Returns the ids of the sources enqueued.</summary>
    /// <param name="force">Enqueue every enabled source, due or not (a manual run).</param>
    public async Task<IReadOnlyList<string>> ScheduleDueAsync(bool force, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var scheduled = new List<string>();
        foreach (var source in configuration.Sources.Where(s => s.Enabled))
        {
            var last = await state.GetLastScheduledAsync(source.Id, cancellationToken);
            // A little slack so that a 15-minute source on a 15-minute timer is not skipped for arriving a second early.
            if (!force && last is { } l && now - l < source.Interval - TimeSpan.FromSeconds(30)) continue;
            // Even a manual run keeps off a site that said when to come back.
            if (await state.GetDeferredUntilAsync(source.Id, cancellationToken) is { } until && until > now)
            {
                logger.LogInformation("Source {SourceId} is not scheduled: its site asked to be left alone until {Until}", source.Id, until);
                continue;
            }
            await queue.SendAsync(QueueNames.Discover, new DiscoverRequest(source.Id, now), cancellationToken);
            await state.SetLastScheduledAsync(source.Id, now, cancellationToken);
            scheduled.Add(source.Id);
        }
        logger.LogInformation("Scheduled {Count} of {Total} sources for discovery", scheduled.Count, configuration.Sources.Count);
        // After the discoveries are queued, so that a failing sweep never holds them up.
        if (withdrawals is not null)
            foreach (var source in configuration.Sources.Where(s => s.Enabled)) await withdrawals.SweepAsync(source, cancellationToken);
        return scheduled;
    }
}
