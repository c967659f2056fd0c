using System.CommandLine;

namespace Monitor.Cli.Commands;

/// <summary>Every subcommand of <c>monitor</c>, one file each in this folder.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return MatchCommand.Create();
        yield return DiffCommand.Create();
    }
}
