using Microsoft.Azure.Functions.Worker;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.Functions.Functions;

/// <summary>Timer: records and e-mails the alerts waiting on the operator-alerts queue. The schedule is the app setting OPERATOR_NOTIFY_SCHEDULE.</summary>
public sealed class NotifyOperatorsFunction(OperatorAlertDelivery delivery)
{
    public const string ScheduleSetting = "OPERATOR_NOTIFY_SCHEDULE";

    [Function("NotifyOperators")]
    public Task Run([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        delivery.DeliverAsync(cancellationToken);
}
