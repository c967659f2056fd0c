using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.Cli.Commands;

/// <summary>
/// <c>monitor reindex</c>: rebuilds the listings and the search index from the archive, for an archive made before
/// they existed or a search folder that was deleted. Topics come from the topics file, as for <c>monitor run</c>; ids of
/// anything else (subscribers' own terms, listed by earlier versions) are removed from listings, search and blob tags.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.File("--sources", "Sources file (default: Monitor:SourcesFile, else ./sources.json).");
        var topics = CommonOptions.File("--topics", "Topics file (default: Monitor:TopicsFile, else ./topics.json).");
        var subscriptions = CommonOptions.File("--subscriptions", "Subscriptions file (default: Monitor:SubscriptionsFile, else ./subscriptions.json).");
        var command = new Command("reindex", "Rebuild the statement, alert and e-mail listings and the search index from the archive.") { sources, topics, subscriptions };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions
            {
                SourcesFile = parse.GetValue(sources)?.FullName,
                TopicsFile = parse.GetValue(topics)?.FullName,
                SubscriptionsFile = parse.GetValue(subscriptions)?.FullName,
                WritesSearchIndexAs = "reindex",
            }, cancellationToken);
            var counts = await monitor.Services.GetRequiredService<ArchiveReindexer>().RunAsync(cancellationToken);
            Console.WriteLine($"Listed and indexed {counts.Statements} statements; listed {counts.Alerts} alerts and {counts.Deliveries} e-mails.");
            if (counts.RemovedTopicRows > 0 || counts.RetaggedBlobs > 0)
                Console.WriteLine($"Removed {counts.RemovedTopicRows} listing rows and retagged {counts.RetaggedBlobs} blobs of topics not in the topics file (subscribers' own terms are never listed).");
            return 0;
        });
        return command;
    }
}
