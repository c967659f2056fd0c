using System.CommandLine;
using MinistryMonitor.Cli.Local;

namespace MinistryMonitor.Cli.Commands;

/// <summary><c>monitor serve</c>: the web reader, operator console and JSON API over the archive, on loopback.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.File("--sources", "Sources file (default: Monitor:SourcesFile, else ./sources.json).");
        var topics = CommonOptions.File("--topics", "Topics file (default: Monitor:TopicsFile, else ./topics.json).");
        var subscriptions = CommonOptions.File("--subscriptions", "Subscriptions file (default: Monitor:SubscriptionsFile, else ./subscriptions.json).");
        var port = new Option<int>("--port", "-p")
        {
            Description = "Port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 5080,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port must be between 0 and 65535.");
        });
        var verbose = CommonOptions.Verbose();
        var command = new Command("serve", "Serve the reader, the operator console and the JSON API on loopback, over the same storage as `run`.")
        {
            sources, topics, subscriptions, port, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var server = await LocalWebServer.StartAsync(new LocalMonitorOptions
            {
                SourcesFile = parse.GetValue(sources)?.FullName,
                TopicsFile = parse.GetValue(topics)?.FullName,
                SubscriptionsFile = parse.GetValue(subscriptions)?.FullName,
                Verbose = parse.GetValue(verbose),
            }, parse.GetValue(port), cancellationToken);
            Console.WriteLine($"Serving {server.Address} (loopback only; the operator pages are open here). Ctrl+C stops.");
            try
            {
                await server.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            Console.WriteLine("Stopped.");
            return 0;
        });
        return command;
    }
}
