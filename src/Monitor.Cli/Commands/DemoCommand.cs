using System.CommandLine;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Cli.Local;

namespace MinistryMonitor.Cli.Commands;

/// <summary><c>monitor demo</c>: a self-contained, offline run of the whole pipeline for a newcomer.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var verbose = CommonOptions.Verbose();
        var directory = new Option<DirectoryInfo>("--dir")
        {
            Description = "Working folder for the demo's configuration and e-mails (emptied first).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(LocalMonitorOptions.DefaultDataDirectory, "demo")),
        };
        var command = new Command("demo", "Run the whole pipeline offline against a sample ministry site, Azurite and a loopback SMTP server.")
        {
            directory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await new DemoRunner(Console.Out, parse.GetValue(directory)!.FullName).RunAsync(parse.GetValue(verbose), cancellationToken);
            return 0;
        });
        return command;
    }
}
