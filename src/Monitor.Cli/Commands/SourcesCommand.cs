using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Cli.Output;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Cli.Commands;

/// <summary><c>monitor sources</c>: one row per source saying how it is faring.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var sources = CommonOptions.File("--sources", "Sources file (default: Monitor:SourcesFile, else ./sources.json).");
        var json = CommonOptions.Json();
        var command = new Command("sources",
            "Source health: last success, last failure and why, failures in a row, statements in the last 7 days, last new item, share of statements the selectors matched.")
        {
            sources, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions { NeedsConfigurationFiles = false }, cancellationToken);
            var catalog = SourceCatalog.Load(SourcesPath(monitor.Services, parse.GetValue(sources)));
            var rows = await monitor.Services.GetRequiredService<ISourceHealthReader>().ReadAsync(catalog, cancellationToken);
            Reports.SourceHealth(Console.Out, rows, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static string SourcesPath(IServiceProvider services, FileInfo? file) =>
        file?.FullName ?? Path.Combine(
            services.GetRequiredService<IHostEnvironment>().ContentRootPath,
            services.GetRequiredService<IOptions<MonitorFilesOptions>>().Value.SourcesFile);
}
