using Monitor.Core.Configuration;
using Monitor.Core.Storage;

namespace Monitor.Web.Operations;

/// <summary>How a source is faring, from its latest discoveries in the ingestion log.</summary>
/// <param name="Status">"ok", "failing" (the latest discovery failed or found nothing), "never fetched" or "disabled".</param>
public sealed record SourceHealth(
    string Id,
    string Name,
    string Language,
    bool Enabled,
    Uri Url,
    string Status,
    int ConsecutiveFailures,
    DateTimeOffset? LastFetched,
    DateTimeOffset? LastHealthy,
    string? LastError);

public sealed class SourceHealthReader(MonitorConfiguration configuration, IIngestionLog log)
{
    private const int RecentRowsRead = 2000;

    public async Task<IReadOnlyList<SourceHealth>> ReadAsync(CancellationToken cancellationToken)
    {
        var recent = await log.ReadRecentAsync(RecentRowsRead, cancellationToken);
        var discoveries = recent.Where(e => e.Kind == "discover").ToLookup(e => e.SourceId);
        return configuration.Sources.Select(source =>
        {
            var entries = discoveries[source.Id].OrderByDescending(e => e.StartedAt).ToList();
            var failures = entries.TakeWhile(e => !IsHealthy(e)).Count();
            var lastHealthy = entries.FirstOrDefault(IsHealthy);
            var status = !source.Enabled ? "disabled" : entries.Count == 0 ? "never fetched" : failures > 0 ? "failing" : "ok";
            return new SourceHealth(source.Id, source.Name, source.Language, source.Enabled, source.DiscoveryUrl, status, failures,
                entries.FirstOrDefault()?.StartedAt, lastHealthy?.StartedAt, failures > 0 ? entries[0].Error : null);
        }).ToList();
    }

    /// <summary>The same test the discover stage uses for operator alerts: fetched, and found statements.</summary>
    private static bool IsHealthy(IngestionEntry entry) => entry.Outcome == IngestionOutcome.Ok && entry.ItemsFound > 0;
}
