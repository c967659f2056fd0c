using System.CommandLine;
using Monitor.Cli.Commands;

var root = new RootCommand("Ministry Monitor: watches foreign-ministry sites, archives their statements and alerts on tracked topics.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
