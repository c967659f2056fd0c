using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Timer: queues discovery for every source that is due. The schedule is the app setting DISCOVER_SCHEDULE (FETCH_SCHEDULE before).</summary>
public sealed class ScheduleFunction(ScheduleStage stage)
{
    public const string ScheduleSetting = "DISCOVER_SCHEDULE";

    [Function("Schedule")]
    public Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        stage.ScheduleDueAsync(force: false, cancellationToken);
}
