using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Alerts;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Core.Stages;

/// <summary>
/// Compares an archived version with the one before it, keeps the diff beside the version, and hands the
/// mentions found in new or changed text to the alert stage.
/// <para>The version's text is matched once, by one compiled matcher holding the catalogue and every subscriber's own
/// terms; the result is split into public topics (listings, search, blob tags) and private matches (alerts to their
/// owner). The previous version is not matched again: what listings show for it is the topics stored with the
/// statement by its last detection.</para>
/// </summary>
public sealed class DetectStage(
    MonitorConfiguration configuration,
    SubscriptionDirectory subscriptions,
    IStatementIndex index,
    IBlobStore blobs,
    AlertRaiser alerts,
    ArchivePublisher publisher,
    ILogger<DetectStage> logger)
{
    /// <returns>The diff and every new mention, public and private.</returns>
    public async Task<DetectionResult> HandleAsync(DetectRequest request, CancellationToken cancellationToken)
    {
        var source = configuration.GetSource(request.SourceId);
        var record = await index.GetAsync(request.SourceId, request.StatementId, cancellationToken)
            ?? throw new InvalidOperationException($"Statement {request.StatementId} of {request.SourceId} is not in the index.");
        if (request.Version > record.Version)
            throw new InvalidOperationException($"Version {request.Version} of {request.StatementId} is not archived yet (latest is {record.Version}).");

        var current = await ReadTextAsync(record, request.Version, cancellationToken);
        var previous = request.Version > 1 ? await ReadTextAsync(record, request.Version - 1, cancellationToken) : null;
        // The catalogue and every subscriber's own terms as of now: a new subscription counts from the next message.
        var snapshot = await subscriptions.CurrentAsync(cancellationToken);
        var detection = snapshot.Detect(previous, current);

        // The stored diff is served by the statements API, so it holds catalogue mentions only: a match of someone's
        // own terms travels in that subscriber's alert and nowhere else.
        await blobs.TryCreateAsync(BlobArea.Statements, record.VersionPath(request.Version, "diff.json"),
            BinaryData.FromString(PipelineJson.Serialize(detection.Public)), "application/json", cancellationToken);
        logger.LogInformation("{Count} new mentions ({Private} of own terms) in {SourceId} statement {StatementId} version {Version}",
            detection.NewMentions.Count, detection.PrivateMentions.Count, request.SourceId, request.StatementId, request.Version);

        await alerts.RaiseAsync(source, record, request.Version, detection.NewMentions, cancellationToken);
        await TagVersionAsync(record, request.Version, detection.PublicTopics, cancellationToken);

        // Listings and search show a statement's latest version; an older one detected late changes nothing there.
        IReadOnlyList<string>? topics = null;
        if (request.Version == record.Version)
        {
            topics = detection.PublicTopics;
            await publisher.PublishAsync(record with { Topics = topics }, current, topics, record.Topics ?? [], cancellationToken);
        }
        await MarkDetectedAsync(record, request.Version, topics, cancellationToken);
        return detection.Public with { NewMentions = detection.NewMentions };
    }

    /// <summary>The version's blobs get the blob index tags of its public topics (archiving wrote them without).</summary>
    private async Task TagVersionAsync(StatementRecord record, int version, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var path = record.VersionPath(version, "json");
        var json = await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken)
            ?? throw new InvalidOperationException($"Archived metadata '{path}' is missing.");
        var metadata = PipelineJson.Deserialize<ArchivedVersion>(json.ToString(), "archive");
        var tags = ArchiveLabels.For(metadata, topics).Tags;
        foreach (var blob in new[] { path, metadata.TextBlob, metadata.HtmlBlob })
        {
            if (!await blobs.SetTagsAsync(BlobArea.Statements, blob, tags, cancellationToken))
                throw new InvalidOperationException($"Archived blob '{blob}' is missing; its topics cannot be tagged.");
        }
    }

    private async Task<string> ReadTextAsync(StatementRecord record, int version, CancellationToken cancellationToken)
    {
        var path = record.VersionPath(version, "txt");
        var text = await blobs.ReadAsync(BlobArea.Statements, path, cancellationToken)
            ?? throw new InvalidOperationException($"Archived text '{path}' is missing.");
        return text.ToString();
    }

    private async Task MarkDetectedAsync(StatementRecord record, int version, IReadOnlyList<string>? topics, CancellationToken cancellationToken)
    {
        for (var current = record; current is not null && current.DetectedVersion < version;
             current = await index.GetAsync(record.SourceId, record.StatementId, cancellationToken))
        {
            var marked = current with { DetectedVersion = version, Topics = current.Version == version ? topics ?? current.Topics : current.Topics };
            if (await index.TrySaveAsync(marked, cancellationToken)) return;
        }
    }
}
