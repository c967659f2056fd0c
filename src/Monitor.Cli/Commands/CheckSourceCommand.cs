using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Cli.Output;
using MinistryMonitor.Core.Checking;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Cli.Commands;

/// <summary>
/// <c>monitor check-source ID [--sources F] | --url URL [--json]</c>: fetches one source once and shows what its
/// selectors find, so a preset can be verified or fixed in a minute. Stores nothing and needs no storage.
/// </summary>
internal static class CheckSourceCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Description = "The source's id in the sources file.", Arity = ArgumentArity.ZeroOrOne };
        var sources = CommonOptions.File("--sources", "Sources file (default: Monitor:SourcesFile, else ./sources.json).");
        var url = new Option<string?>("--url") { Description = "Check this URL instead of a configured source: a feed, a listing (with --links) or a statement page." };
        var links = new Option<string?>("--links") { Description = "With --url: the CSS selector of the statement links, making the URL a listing." };
        var selectors = CommonOptions.Selectors("With --url: 'title=CSS;date=CSS;body=CSS;number=CSS' (any part may be left out).");
        var language = new Option<string>("--language") { Description = "With --url: the language of the pages.", DefaultValueFactory = _ => "en" };
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose();
        var command = new Command("check-source", "Fetch one source once and show the HTTP outcome, the links found, and for the first three statements what each selector finds.")
        {
            id, sources, url, links, selectors, language, json, verbose,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(id) is null == result.GetValue(url) is null) result.AddError("Give either a source ID or --url URL.");
            if (result.GetValue(url) is { } text && ParseUrl(text) is null) result.AddError($"--url '{text}' is not an absolute http(s) URL.");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var urlSelectors = parse.GetValue(selectors)!;

            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions
            {
                NeedsConfigurationFiles = false,
                NeedsStorage = false,
                Verbose = parse.GetValue(verbose),
            }, cancellationToken);
            var checker = ActivatorUtilities.CreateInstance<SourceChecker>(monitor.Services);
            SourceCheck check;
            if (parse.GetValue(url) is { } text && ParseUrl(text) is { } target)
            {
                check = await checker.CheckUrlAsync(target, parse.GetValue(links), urlSelectors, parse.GetValue(language)!, cancellationToken);
            }
            else
            {
                var catalog = SourceCatalog.Load(SourcesPath(monitor.Services, parse.GetValue(sources)));
                var wanted = parse.GetValue(id)!;
                if (catalog.SingleOrDefault(s => s.Id == wanted) is not { } source)
                {
                    Console.Error.WriteLine("monitor: no source '{0}' in the sources file; it has: {1}", wanted, string.Join(", ", catalog.Select(s => s.Id)));
                    return 2;
                }
                check = await checker.CheckAsync(source, cancellationToken);
            }
            SourceCheckReport.Write(Console.Out, check, parse.GetValue(json));
            return check.Healthy ? 0 : 1;
        });
        return command;
    }

    private static Uri? ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    private static string SourcesPath(IServiceProvider services, FileInfo? file) =>
        file?.FullName ?? Path.Combine(
            services.GetRequiredService<IHostEnvironment>().ContentRootPath,
            services.GetRequiredService<IOptions<MonitorFilesOptions>>().Value.SourcesFile);
}
