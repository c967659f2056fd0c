using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Infrastructure.Http;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Cli.Commands;

/// <summary>
/// <c>monitor extract FILE_OR_URL</c> prints what the extraction stage finds in one page;
/// <c>monitor extract --in DIR --out DIR</c> writes the generic body text of every page of a folder.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var source = new Argument<string?>("source")
        {
            Description = "An HTML file (.html or .html.gz) or an http(s) URL",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var selectorsOption = CommonOptions.Selectors("Per-source selectors as 'title=CSS;date=CSS;body=CSS;number=CSS' (any part may be left out)");
        var titleSelector = new Option<string?>("--title-selector") { Description = "CSS selector of the title" };
        var dateSelector = new Option<string?>("--date-selector") { Description = "CSS selector of the date line" };
        var bodySelector = new Option<string?>("--body-selector") { Description = "CSS selector of the body" };
        var input = new Option<DirectoryInfo?>("--in") { Description = "Folder of *.html / *.html.gz pages" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the <name>.txt body texts" };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Pages extracted at once in folder mode (default: one per core)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var command = new Command("extract", "Extract a statement's text and metadata from a page, or the bodies of a folder of pages")
        {
            source, format, selectorsOption, titleSelector, dateSelector, bodySelector, input, output, parallel,
        };
        command.Validators.Add(result =>
        {
            var hasSource = result.GetValue(source) is not null;
            var hasFolders = result.GetValue(input) is not null || result.GetValue(output) is not null;
            if (hasSource == hasFolders) result.AddError("Give either a FILE_OR_URL or both --in and --out.");
            else if (hasFolders && (result.GetValue(input) is null || result.GetValue(output) is null))
                result.AddError("--in and --out go together.");
        });

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var extractor = new StatementExtractor();
            if (parseResult.GetValue(input) is { } inDir && parseResult.GetValue(output) is { } outDir)
                return RunFolder(extractor, inDir, outDir, parseResult.GetValue(parallel), cancellationToken);

            var combined = parseResult.GetValue(selectorsOption)!;
            var selectors = combined with
            {
                Title = parseResult.GetValue(titleSelector) ?? combined.Title,
                Date = parseResult.GetValue(dateSelector) ?? combined.Date,
                Body = parseResult.GetValue(bodySelector) ?? combined.Body,
            };
            return await RunOneAsync(extractor, parseResult.GetValue(source)!, selectors, parseResult.GetValue(format)!, cancellationToken);
        });
        return command;
    }

    private static int RunFolder(StatementExtractor extractor, DirectoryInfo inDir, DirectoryInfo outDir, int parallel, CancellationToken cancellationToken)
    {
        var result = new BatchExtractor(extractor).Run(inDir.FullName, outDir.FullName, parallel, cancellationToken);
        foreach (var failure in result.Failures) Console.Error.WriteLine("refused {0}: {1}", failure.File, failure.Reason);
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 1e-9);
        Console.WriteLine("{0} pages, {1:F1} MB in {2:F2} s: {3:F1} pages/s, {4:F2} MB/s ({5} refused)",
            result.Pages, result.Bytes / 1048576.0, seconds, result.Pages / seconds, result.Bytes / 1048576.0 / seconds, result.Failures.Count);
        return result.Failures.Count == result.Pages && result.Pages > 0 ? 1 : 0;
    }

    private static async Task<int> RunOneAsync(StatementExtractor extractor, string source, ExtractionSelectors selectors, string format, CancellationToken cancellationToken)
    {
        ExtractedStatement statement;
        try
        {
            statement = await ExtractAsync(extractor, source, selectors, cancellationToken);
        }
        catch (Exception e) when (e is ExtractionException or IOException or UnauthorizedAccessException or HttpRequestException)
        {
            Console.Error.WriteLine("cannot extract {0}: {1}", source, e.Message);
            return 1;
        }
        if (format == "json")
        {
            Console.WriteLine(JsonSerializer.Serialize(statement, PipelineJson.Indented));
            return 0;
        }
        Console.WriteLine("Title:     {0}", statement.Title);
        Console.WriteLine("Published: {0:O}", statement.Published);
        Console.WriteLine("Language:  {0}", statement.Language);
        Console.WriteLine("Author:    {0}", statement.Author);
        Console.WriteLine("Number:    {0}", statement.DocumentNumber);
        Console.WriteLine("Method:    {0}{1}", statement.Method, statement.Truncated ? " (truncated)" : "");
        Console.WriteLine();
        Console.WriteLine(statement.Text);
        return 0;
    }

    private static async Task<ExtractedStatement> ExtractAsync(StatementExtractor extractor, string source, ExtractionSelectors selectors, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            // The pipeline's own fetcher: same limits, user agent, robots.txt, network guard and readable errors
            // (Fetch__* environment variables apply, e.g. Fetch__AllowPrivateNetworks=true for a local page).
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build())
                .AddSingleton(TimeProvider.System)
                .AddSingleton<IValidatorStore, InMemoryValidatorStore>()
                .AddLogging()
                .AddMonitorFetching();
            await using var provider = services.BuildServiceProvider();
            var page = await provider.GetRequiredService<PageFetcher>().FetchAsync(url, cancellationToken);
            if (!page.Succeeded) throw new HttpRequestException(page.Error);
            using var body = new MemoryStream(page.Content);
            return extractor.Extract(body, page.ContentType, page.Url, selectors);
        }
        await using var file = File.OpenRead(source);
        return extractor.Extract(file, contentType: null, new Uri(Path.GetFullPath(source)), selectors);
    }
}
