using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Withdrawals;

/// <summary>
/// Marks an archived statement withdrawn when a fetch of its page finds it gone, and restored when a withdrawn one
/// answers again; its archived versions are kept either way. Each change is raised as a statement event on the
/// <c>alerts</c> queue (subscribers who asked for withdrawals are e-mailed from there, once) and as an operator alert,
/// and shown in the listings. Transient failures (5xx, network, a challenge page) change nothing.
/// </summary>
public sealed class WithdrawalRecorder(
    IStatementIndex index,
    IStatementTimeline timeline,
    IMessageQueue queue,
    TimeProvider time,
    ILogger<WithdrawalRecorder> logger)
{
    private const int SaveAttempts = 5;

    /// <returns>What the page says, and whether the statement's mark changed (newly withdrawn, or restored).</returns>
    public async Task<(PageState State, bool Changed, string? Reason)> RecordAsync(Source source, FetchRequest request, FetchedPage page, CancellationToken cancellationToken)
    {
        var (state, reason) = WithdrawalVerdict.Judge(source, request.Url, page);
        if (state == PageState.Unknown) return (state, false, reason);
        for (var attempt = 0; attempt < SaveAttempts; attempt++)
        {
            if (await index.GetAsync(source.Id, request.StatementId, cancellationToken) is not { } record) return (state, false, reason);
            if ((state == PageState.Withdrawn) == (record.WithdrawnAt is not null)) return (state, false, reason ?? record.WithdrawnReason);

            var now = time.GetUtcNow();
            var updated = state == PageState.Withdrawn
                ? record with { WithdrawnAt = now, WithdrawnReason = reason, Withdrawals = record.Withdrawals + 1 }
                : record with { WithdrawnAt = null, WithdrawnReason = null, RestoredAt = now };
            // The subscribers' notice goes out before the mark is saved: a crash in between, or a recheck racing this one,
            // sends it again with the same alert id (whose e-mails are claimed once), where the other order could lose it.
            await NotifySubscribersAsync(source, updated, state, reason, now, cancellationToken);
            if (!await index.TrySaveAsync(updated, cancellationToken)) continue;
            // The operators' alert goes out once the mark is saved, by the one writer that saved it (operator alerts are
            // told apart by content and time, so one sent before would be sent again by a racer); a crash just before it loses it.
            await NotifyOperatorsAsync(source, updated, state, reason, now, cancellationToken);
            // Listing rows exist once a version was detected; before that, the detect stage writes them with the mark.
            if (updated.DetectedVersion > 0) await timeline.RecordAsync(StatementSummary.From(updated), updated.Topics ?? [], cancellationToken);
            if (state == PageState.Withdrawn)
                logger.LogWarning("Statement {StatementId} of {SourceId} at {Url} is withdrawn: {Reason}", record.StatementId, source.Id, request.Url, reason);
            else
                logger.LogInformation("Statement {StatementId} of {SourceId} at {Url} is back: restored", record.StatementId, source.Id, request.Url);
            return (state, true, reason);
        }
        throw new InvalidOperationException($"Statement {request.StatementId} of {source.Id} changed under {SaveAttempts} attempts to mark it {state}; the message will be retried.");
    }

    private async Task NotifySubscribersAsync(Source source, StatementRecord record, PageState state, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = state == PageState.Withdrawn ? AlertMessage.WithdrawnKind : AlertMessage.RestoredKind;
        // One id per incident (the how-many-th withdrawal), however many rechecks see it.
        var alertId = Hashes.Sha256($"{record.SourceId}\n{record.StatementId}\n{kind}\n{record.Withdrawals}")[..32];
        var notice = new AlertMessage(AlertMessage.CurrentSchemaVersion, alertId, "", "", source.Id, source.Name, record.StatementId, record.Version,
            false, record.Title, record.Url, record.Published, record.VersionPath(record.Version, "txt"), 0, [], now, kind, record.Topics ?? [], reason);
        await queue.SendAsync(QueueNames.Alerts, notice, cancellationToken);
    }

    private async Task NotifyOperatorsAsync(Source source, StatementRecord record, PageState state, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var title = record.Title ?? record.Url.AbsoluteUri;
        var message = state == PageState.Withdrawn
            ? $"{source.Name}: the statement \"{title}\" ({record.Url.AbsoluteUri}) was withdrawn ({reason}); its {record.Version} archived version(s) are kept."
            : $"{source.Name}: the withdrawn statement \"{title}\" ({record.Url.AbsoluteUri}) answers again; it is marked restored.";
        await queue.SendAsync(QueueNames.OperatorAlerts, new OperatorAlert(
            state == PageState.Withdrawn ? OperatorAlert.StatementWithdrawn : OperatorAlert.StatementRestored, source.Id, message, null, now), cancellationToken);
    }
}
