using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Timer: sends the daily and weekly digests that are due. The schedule is the app setting DIGEST_SCHEDULE (hourly).</summary>
public sealed class DigestFunction(DigestStage digests)
{
    public const string ScheduleSetting = "DIGEST_SCHEDULE";

    [Function("Digest")]
    public Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.RunAsync(cancellationToken);
}
