using System.CommandLine;
using Microsoft.Extensions.Options;
using Monitor.Cli.Commands;
using Monitor.Core.Configuration;
using Monitor.Core.Decoding;

CodePages.Register();

var root = new RootCommand("Ministry Monitor: watches foreign-ministry sites, archives their statements and alerts on tracked topics.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is ConfigurationFileException or OptionsValidationException)
{
    // An operator's mistake: say what to fix, without a stack trace.
    Console.Error.WriteLine($"monitor: {ex.Message}");
    Console.Error.WriteLine("The configuration files and settings are described in README.md; `monitor run --help` lists the options.");
    return 2;
}
