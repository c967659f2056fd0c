using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Cli.Output;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Infrastructure.Hosting;

namespace MinistryMonitor.Cli.Commands;

/// <summary>
/// <c>monitor log</c>, <c>monitor statements</c>, <c>monitor alerts</c>, <c>monitor deliveries</c>: read what the
/// pipeline recorded in the local storage (or the one configured with Storage__ConnectionString).
/// </summary>
internal static class ListingCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return LogCommand.Create();
        yield return Listing("statements", "The archived statements, newest publication first, with their blob paths.", 50,
            async (services, limit, json, ct) => Reports.Statements(Console.Out,
                await Pages.ReadFirstAsync(limit, (size, token, c) => Catalog(services).ListStatementsAsync(new StatementQuery { PageSize = size, ContinuationToken = token }, c), ct), json));
        yield return Listing("alerts", "The alerts raised, newest first.", 50,
            async (services, limit, json, ct) => Reports.Alerts(Console.Out,
                await Pages.ReadFirstAsync(limit, (size, token, c) => Catalog(services).ListAlertsAsync(new AlertQuery { PageSize = size, ContinuationToken = token }, c), ct), json));
        yield return Listing("poison", "Messages that failed too often and wait in the poison queues (requeue them with `monitor requeue`).", 100,
            async (services, limit, json, ct) => Reports.Poisoned(Console.Out, (await services.GetRequiredService<IPoisonQueues>().PeekPoisonedAsync(ct)).Take(limit).ToList(), json));
        yield return Listing("operator-alerts", "What the operators were told, newest first, and whom it was mailed to: sources failing, blocked or finding nothing, recoveries, poisoned messages.", 50,
            async (services, limit, json, ct) => Reports.OperatorAlerts(Console.Out, await services.GetRequiredService<IOperatorAlertLog>().ReadRecentAsync(limit, ct), json));
        yield return Listing("deliveries", "The alert e-mails sent, newest first.", 50,
            async (services, limit, json, ct) => Reports.Deliveries(Console.Out,
                await Pages.ReadFirstAsync(limit, (size, token, c) => Catalog(services).ListDeliveriesAsync(new DeliveryQuery { PageSize = size, ContinuationToken = token }, c), ct), json));
    }

    private static IArchiveCatalog Catalog(IServiceProvider services) => services.GetRequiredService<IArchiveCatalog>();

    /// <summary><c>monitor requeue</c>: puts poisoned messages back on their queues, e.g. after an SMTP outage.</summary>
    public static Command Requeue()
    {
        var command = new Command("requeue", "Move every poisoned message back to its queue; `monitor run --once` then processes them.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions { NeedsConfigurationFiles = false }, cancellationToken);
            var moved = await monitor.Services.GetRequiredService<IPoisonQueues>().RequeuePoisonedAsync(cancellationToken);
            Console.WriteLine($"Requeued {moved} messages.");
            return 0;
        });
        return command;
    }

    internal static Command Listing(string name, string description, int defaultLimit, Func<IServiceProvider, int, bool, CancellationToken, Task> print)
    {
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit(defaultLimit);
        var command = new Command(name, description) { json, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions { NeedsConfigurationFiles = false }, cancellationToken);
            await print(monitor.Services, parse.GetValue(limit), parse.GetValue(json), cancellationToken);
            return 0;
        });
        return command;
    }
}
