using System.Text;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Archive;

/// <summary>
/// Archives a statement in Blob Storage: raw HTML, text and metadata per version, never overwriting.
/// Idempotent: a redelivered message finds the same text hash and writes nothing; a crash between writing the blobs
/// and updating the index is completed by the retry, because the blobs it finds carry the same hash.
/// </summary>
/// <para>Archiving matches no topics: the detect stage matches each version once and tags its blobs with the public topics.</para>
public sealed class StatementArchiver(IStatementIndex index, IBlobStore blobs, TimeProvider time, ILogger<StatementArchiver> logger)
{
    private const int MaxAttempts = 8;

    public async Task<ArchiveResult> ArchiveAsync(Source source, FetchRequest request, RawStatement raw, ExtractedStatement extracted, CancellationToken cancellationToken)
    {
        var textHash = Hashes.Sha256(extracted.Text);
        var rawHash = raw.FeedItem?.ContentHtml is { } fragment ? Hashes.Sha256(fragment) : Hashes.Sha256(raw.Content);

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var record = await index.GetAsync(source.Id, request.StatementId, cancellationToken);
            if (record is not null && record.TextHash == textHash)
            {
                if (record.RawHash == rawHash) return new ArchiveResult(ArchiveOutcome.Unchanged, record);
                // Same text under new markup: remember the markup so discovery stops reporting it as changed.
                var touched = record with { RawHash = rawHash };
                if (await index.TrySaveAsync(touched, cancellationToken)) return new ArchiveResult(ArchiveOutcome.Unchanged, touched);
                continue;
            }

            var version = (record?.Version ?? 0) + 1;
            var basePath = record?.BasePath
                ?? ArchivePaths.StatementBase(source.Id, extracted.Published ?? now, extracted.Title, raw.Url, request.StatementId);
            var textBlob = ArchivePaths.Version(basePath, version, "txt");
            var htmlBlob = ArchivePaths.Version(basePath, version, "html");
            var metadata = new ArchivedVersion(source.Id, source.Name, request.StatementId, request.ItemKey, raw.Url, version, extracted.Title,
                extracted.Published, extracted.Language, extracted.Author, extracted.DocumentNumber, extracted.Method, extracted.Error, textHash, rawHash, now, textBlob, htmlBlob);

            if (!await WriteVersionAsync(metadata, basePath, raw, extracted.Text, ArchiveLabels.For(metadata, []), cancellationToken))
            {
                logger.LogInformation("Version {Version} of {StatementId} was written concurrently with other text; retrying", version, request.StatementId);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), time, cancellationToken);
                continue;
            }

            // Topics stay those listings show now (the last detection's) until detection of this version replaces them.
            var updated = new StatementRecord(source.Id, request.StatementId, request.ItemKey, raw.Url, extracted.Title ?? record?.Title,
                record?.Published ?? extracted.Published, basePath, version, textHash, rawHash, record?.DetectedVersion ?? 0,
                record?.FirstSeen ?? now, now, record?.ETag, extracted.Language ?? record?.Language, record?.Topics) { ExtractionMethod = extracted.Method };
            if (!await index.TrySaveAsync(updated, cancellationToken)) continue;

            // No read back for the new ETag: nothing downstream saves this record again (detection reads its own copy).
            var saved = updated with { ETag = null };
            logger.LogInformation("Archived {SourceId} statement {StatementId} version {Version} at {Path}", source.Id, request.StatementId, version, textBlob);
            return new ArchiveResult(version == 1 ? ArchiveOutcome.New : ArchiveOutcome.Changed, saved);
        }

        throw new InvalidOperationException($"Could not archive statement {request.StatementId} of {source.Id}: {MaxAttempts} concurrent updates in a row.");
    }

    /// <summary>Writes the three blobs of a version. False when that version already exists with other text.</summary>
    private async Task<bool> WriteVersionAsync(ArchivedVersion metadata, string basePath, RawStatement raw, string text, BlobLabels labels, CancellationToken cancellationToken)
    {
        var metadataPath = ArchivePaths.Version(basePath, metadata.Version, "json");
        if (!await blobs.TryCreateAsync(BlobArea.Statements, metadataPath, BinaryData.FromString(PipelineJson.Serialize(metadata)), "application/json", labels, cancellationToken))
        {
            var existing = await blobs.ReadAsync(BlobArea.Statements, metadataPath, cancellationToken);
            var previous = existing is null ? null : PipelineJson.Deserialize<ArchivedVersion>(existing.ToString(), "archive");
            if (previous?.TextHash != metadata.TextHash) return false;
        }

        var html = raw.FeedItem?.ContentHtml is { } fragment ? Encoding.UTF8.GetBytes(fragment) : raw.Content;
        var htmlType = raw.FeedItem is not null ? "text/html; charset=utf-8" : raw.ContentType ?? "text/html";
        await blobs.TryCreateAsync(BlobArea.Statements, metadata.HtmlBlob, new BinaryData(html), htmlType, labels, cancellationToken);
        await blobs.TryCreateAsync(BlobArea.Statements, metadata.TextBlob, BinaryData.FromString(text), "text/plain; charset=utf-8", labels, cancellationToken);
        return true;
    }
}
