using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Cli.Local;
using Monitor.Cli.Output;
using Monitor.Core.Storage;

namespace Monitor.Cli.Commands;

/// <summary>
/// <c>monitor log</c>, <c>monitor statements</c>, <c>monitor alerts</c>, <c>monitor deliveries</c>: read what the
/// pipeline recorded in the local storage (or the one configured with Storage__ConnectionString).
/// </summary>
internal static class ListingCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Listing("log", "The ingestion log: every fetch, newest first.", 50,
            async (services, limit, json, ct) => Reports.IngestionLog(Console.Out, await services.GetRequiredService<IIngestionLog>().ReadRecentAsync(limit, ct), json));
        yield return Listing("statements", "The archived statements, newest change first, with their blob paths.", 50,
            async (services, limit, json, ct) =>
            {
                var all = await services.GetRequiredService<IStatementIndex>().ListAsync(null, ct).ToListAsync(ct);
                Reports.Statements(Console.Out, all.OrderByDescending(s => s.LastChanged).Take(limit).ToList(), json);
            });
        yield return Listing("alerts", "The alerts raised, newest first.", 50,
            async (services, limit, json, ct) => Reports.Alerts(Console.Out, await services.GetRequiredService<IAlertLedger>().ReadRecentAsync(limit, ct), json));
        yield return Listing("deliveries", "The alert e-mails sent, newest first.", 50,
            async (services, limit, json, ct) => Reports.Deliveries(Console.Out, await services.GetRequiredService<IDeliveryLedger>().ReadRecentAsync(limit, ct), json));
    }

    private static Command Listing(string name, string description, int defaultLimit, Func<IServiceProvider, int, bool, CancellationToken, Task> print)
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
