using System.CommandLine;

namespace MinistryMonitor.Cli.Commands;

/// <summary>Every subcommand of <c>monitor</c>, one file each in this folder.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return RunCommand.Create();
        yield return ServeCommand.Create();
        foreach (var listing in ListingCommands.Create()) yield return listing;
        yield return ListingCommands.Requeue();
        yield return SourcesCommand.Create();
        yield return CheckSourceCommand.Create();
        yield return ReindexCommand.Create();
        yield return ExtractCommand.Create();
        yield return MatchCommand.Create();
        yield return DiffCommand.Create();
        yield return SubscribersCommand.Create();
    }
}
