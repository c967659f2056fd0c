using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Timer: tells the operators when messages pile up in a poison queue. The schedule is the app setting POISON_WATCH_SCHEDULE.</summary>
public sealed class WatchPoisonFunction(PoisonWatch watch)
{
    public const string ScheduleSetting = "POISON_WATCH_SCHEDULE";

    [Function("WatchPoison")]
    public Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        watch.CheckAsync(cancellationToken);
}
