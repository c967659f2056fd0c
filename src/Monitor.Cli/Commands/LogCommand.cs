using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Cli.Output;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Cli.Commands;

/// <summary><c>monitor log [--source ID] [--outcome O] [--since T]</c>: the ingestion log, newest first, filtered.</summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var limit = CommonOptions.Limit(50);
        var source = new Option<string?>("--source") { Description = "Only this source id." };
        var outcome = new Option<IngestionOutcome?>("--outcome")
        {
            Description = "Only this outcome: " + string.Join(", ", IngestionOutcomeNames.All) + ".",
            CustomParser = result => IngestionOutcomeNames.TryParse(result.Tokens.Single().Value, out var parsed)
                ? parsed
                : Fail<IngestionOutcome>(result, $"--outcome '{result.Tokens.Single().Value}' is not one of {string.Join(", ", IngestionOutcomeNames.All)}."),
        };
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "Only fetches at or after this time: an ISO date/time (UTC unless it says otherwise), or an age such as 30m, 6h, 7d.",
            CustomParser = result => ParseSince(result.Tokens.Single().Value, TimeProvider.System.GetUtcNow(), out var error) ?? Fail<DateTimeOffset>(result, error),
        };
        var command = new Command("log", "The ingestion log: every fetch, newest first.") { json, limit, source, outcome, since };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions { NeedsConfigurationFiles = false }, cancellationToken);
            var query = new IngestionQuery { SourceId = parse.GetValue(source), Outcome = parse.GetValue(outcome), Since = parse.GetValue(since) };
            var catalog = monitor.Services.GetRequiredService<IArchiveCatalog>();
            var entries = await Pages.ReadFirstAsync(parse.GetValue(limit),
                (size, token, ct) => catalog.ListIngestionAsync(query with { PageSize = size, ContinuationToken = token }, ct), cancellationToken);
            Reports.IngestionLog(Console.Out, entries, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    /// <summary>"7d", "6h", "30m" before <paramref name="now"/>, or an absolute ISO time (UTC when no offset is given).</summary>
    public static DateTimeOffset? ParseSince(string text, DateTimeOffset now, out string error)
    {
        error = string.Empty;
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            switch (char.ToLowerInvariant(trimmed[^1]))
            {
                case 'd': return now.AddDays(-amount);
                case 'h': return now.AddHours(-amount);
                case 'm': return now.AddMinutes(-amount);
            }
        }
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return at;
        error = $"--since '{text}' is neither an age (30m, 6h, 7d) nor an ISO date/time (2025-03-28 or 2025-03-28T09:00Z).";
        return null;
    }

    private static T? Fail<T>(System.CommandLine.Parsing.ArgumentResult result, string error) where T : struct
    {
        result.AddError(error);
        return null;
    }
}
