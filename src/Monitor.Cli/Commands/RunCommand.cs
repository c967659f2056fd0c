using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Cli.Output;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Cli.Commands;

/// <summary><c>monitor run</c>: the pipeline against the configured ministry sites, once or on the schedule.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.File("--sources", "Sources file (default: Monitor:SourcesFile, else ./sources.json).");
        var topics = CommonOptions.File("--topics", "Topics file (default: Monitor:TopicsFile, else ./topics.json).");
        var subscriptions = CommonOptions.File("--subscriptions", "Subscriptions file (default: Monitor:SubscriptionsFile, else ./subscriptions.json).");
        var once = new Option<bool>("--once") { Description = "Run one cycle over every source, then exit." };
        var verbose = CommonOptions.Verbose();
        var command = new Command("run", "Watch the configured ministry sites: discover, fetch, archive, detect, alert and e-mail.")
        {
            sources, topics, subscriptions, once,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions
            {
                SourcesFile = parse.GetValue(sources)?.FullName,
                TopicsFile = parse.GetValue(topics)?.FullName,
                SubscriptionsFile = parse.GetValue(subscriptions)?.FullName,
                WritesSearchIndexAs = "run",
                Verbose = parse.GetValue(verbose),
            }, cancellationToken);
            var configuration = monitor.Services.GetRequiredService<MonitorConfiguration>();
            var log = monitor.Services.GetRequiredService<IIngestionLog>();
            var active = (await monitor.Services.GetRequiredService<ISubscriptionStore>().ListAsync(cancellationToken)).Count(s => s.IsActive);
            Console.WriteLine($"Watching {configuration.Sources.Count} sources for {configuration.Topics.Count} topics; {active} active subscribers.");

            if (parse.GetValue(once))
            {
                await RunCycleAsync(monitor, log, allSources: true, cancellationToken);
                return 0;
            }

            var interval = TimeSpan.FromMinutes(monitor.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.ScheduleMinutes);
            Console.WriteLine($"Checking for due sources every {interval.TotalMinutes:0} minutes; Ctrl+C stops.");
            using var timer = new PeriodicTimer(interval);
            try
            {
                do
                {
                    await RunCycleAsync(monitor, log, allSources: false, cancellationToken);
                }
                while (await timer.WaitForNextTickAsync(cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.WriteLine("Stopped; the messages in hand went back to their queues.");
                return ExitCodes.Interrupted;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task RunCycleAsync(LocalMonitor monitor, IIngestionLog log, bool allSources, CancellationToken cancellationToken)
    {
        var time = monitor.Services.GetRequiredService<TimeProvider>();
        var started = time.GetUtcNow();
        var summary = await LiveProgress.RunAsync(Console.Out, "cycle", progress => monitor.Runner.RunCycleAsync(allSources, cancellationToken, progress));
        var entries = (await log.ReadRecentAsync(500, cancellationToken)).Where(e => e.StartedAt >= started).ToList();
        Console.WriteLine($"{time.GetUtcNow():HH:mm:ss} cycle: {summary.SourcesScheduled} sources due, {summary.Processed} messages handled, {summary.Failed} retried, {summary.Poisoned} poisoned.");
        if (entries.Count > 0) Reports.IngestionLog(Console.Out, entries, json: false);
    }
}
