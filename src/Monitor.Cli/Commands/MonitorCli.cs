using System.CommandLine;
using Azure;
using Azure.Identity;
using Microsoft.Extensions.Options;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Infrastructure.Azurite;

namespace MinistryMonitor.Cli.Commands;

/// <summary>
/// The <c>monitor</c> root command and what every command shares: global options, and one readable message and a
/// documented exit code (<see cref="ExitCodes"/>) for every failure an operator can meet, with details under <c>-v</c>.
/// </summary>
internal static class MonitorCli
{
    // Long enough for `run` to hand its messages back and for Azurite to flush its data before the process ends.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Ministry Monitor: watches foreign-ministry sites, archives their statements and alerts on tracked topics.");
        root.Options.Add(CommonOptions.Data);
        root.Options.Add(CommonOptions.Verbose());
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        var verbose = args.Contains("-v") || args.Contains("--verbose");
        var parse = CreateRoot().Parse(args);
        if (parse.GetValue(CommonOptions.Data) is { } data) LocalMonitorOptions.DefaultDataDirectory = data.FullName;
        try
        {
            var code = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = StopGrace });
            // System.CommandLine answers a parse error with 1; here 1 means a failed command, 2 a usage mistake.
            return parse.Errors.Count > 0 && code == 1 ? ExitCodes.Usage : code;
        }
        catch (Exception ex) when (Classify(ex) is var (code, message))
        {
            error.WriteLine($"monitor: {message}");
            if (code == ExitCodes.Usage)
                error.WriteLine("The configuration files and settings are described in README.md; `monitor run --help` lists the options.");
            if (verbose) error.WriteLine(ex);
            else if (code != ExitCodes.Interrupted) error.WriteLine("Run with -v for details.");
            return code;
        }
    }

    private static (int Code, string Message)? Classify(Exception ex) => ex switch
    {
        OperationCanceledException => (ExitCodes.Interrupted, "stopped."),
        ConfigurationFileException or OptionsValidationException => (ExitCodes.Usage, ex.Message),
        StorageEmulatorException => (ExitCodes.StorageUnavailable, ex.Message),
        DataFolderBusyException => (ExitCodes.Busy, ex.Message),
        AuthenticationFailedException or CredentialUnavailableException =>
            (ExitCodes.StorageUnavailable, $"cannot sign in to the storage account: {FirstLine(ex.Message)} (sign in with `az login`, or set Storage__ConnectionString)"),
        RequestFailedException { Status: 0 } or HttpRequestException or AggregateException { InnerException: RequestFailedException or HttpRequestException } =>
            (ExitCodes.StorageUnavailable, $"cannot reach storage: {FirstLine((ex.InnerException ?? ex).Message)} (check Storage__ConnectionString / Storage__AccountName)"),
        RequestFailedException failed => (ExitCodes.StorageUnavailable, $"storage refused the request: {failed.Status} {failed.ErrorCode} {FirstLine(failed.Message)}"),
        _ => (ExitCodes.InternalError, $"unexpected error: {ex.GetType().Name}: {FirstLine(ex.Message)}"),
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
