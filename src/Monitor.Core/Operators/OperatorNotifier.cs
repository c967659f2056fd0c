using System.Net;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Operators;

/// <summary>
/// Handles one message of the <c>operator-alerts</c> queue: records the alert in the operator alert log first (so it
/// stays listed after the message expires), then e-mails it to each operator once. Each e-mail is claimed in the
/// once-ledger before it is sent, so a redelivered message, or two workers on the same message, mail nobody twice.
/// The discover stage raises one alert per incident and one on recovery; this mails exactly what it raises.
/// </summary>
public sealed class OperatorNotifier(
    OperatorContacts contacts,
    IOperatorAlertLog alerts,
    IOnceLedger once,
    IMailSender mail,
    TimeProvider time,
    ILogger<OperatorNotifier> logger)
{
    public const string OnceScope = "operator-mail";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly string _owner = OnceLedgerExtensions.NewOwner();

    /// <summary>Returns how many e-mails this call sent. Throws when an operator could not be mailed, so the message is retried for them.</summary>
    public async Task<int> HandleAsync(OperatorAlert alert, CancellationToken cancellationToken)
    {
        var id = OperatorAlertRecord.IdOf(alert);
        var record = await alerts.RecordAsync(new OperatorAlertRecord(id, alert, time.GetUtcNow(), null, null), cancellationToken);
        if (record.MailedAt is not null) return 0;
        if (contacts.Emails.Count == 0)
        {
            // Nobody to mail: the alert is listed (monitor operator-alerts) and marked handled, not left pending.
            await alerts.MarkMailedAsync(id, [], time.GetUtcNow(), cancellationToken);
            return 0;
        }

        var sent = 0;
        var failures = new List<Exception>();
        foreach (var operatorEmail in contacts.Emails)
        {
            var email = Compose(id, alert, operatorEmail);
            try
            {
                var result = await once.RunOnceAsync(new OnceKey(OnceScope, $"{id}/{operatorEmail.ToLowerInvariant()}"), _owner, Lease, time,
                    (accepted, ct) => mail.SendAsync(email, accepted, ct), cancellationToken);
                if (result == OnceResult.Done) sent++;
                if (result == OnceResult.HeldByOther)
                    failures.Add(new InvalidOperationException($"Another worker is mailing operator alert {id} to {operatorEmail}."));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Mailing operator alert {AlertId} to {Operator} failed", id, operatorEmail);
                failures.Add(ex);
            }
        }
        if (failures.Count > 0)
            throw new AggregateException($"Operator alert {id}: {failures.Count} operator(s) not mailed yet; the alert will be retried for them.", failures);

        await alerts.MarkMailedAsync(id, contacts.Emails, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Mailed operator alert {AlertId} ({Kind}, {SourceId}) to {Count} operators", id, alert.Kind, alert.SourceId, sent);
        return sent;
    }

    private static AlertEmail Compose(string id, OperatorAlert alert, string to)
    {
        var subject = alert.Kind switch
        {
            OperatorAlert.SourceRecovered => $"[Ministry Monitor] Recovered: {alert.SourceId}",
            OperatorAlert.Poisoned => "[Ministry Monitor] Messages failed repeatedly",
            OperatorAlert.StatementWithdrawn => $"[Ministry Monitor] Statement withdrawn: {alert.SourceId}",
            OperatorAlert.StatementRestored => $"[Ministry Monitor] Statement restored: {alert.SourceId}",
            _ => $"[Ministry Monitor] Source {alert.SourceId ?? "?"}: {alert.Kind}",
        };
        var text = $"{alert.Message}\n\nKind: {alert.Kind}\nSource: {alert.SourceId ?? "-"}\nAt: {alert.At:u}\n\n" +
                   "`monitor sources` shows every source's health; `monitor check-source ID` tries one source now; `monitor operator-alerts` lists these alerts.\n";
        // The message names a ministry's page and its error text: encoded before it goes into HTML.
        var html = $"<p>{WebUtility.HtmlEncode(alert.Message)}</p><p>Kind: {WebUtility.HtmlEncode(alert.Kind)}<br>Source: {WebUtility.HtmlEncode(alert.SourceId ?? "-")}<br>At: {alert.At:u}</p>";
        var messageId = $"operator-{id}-{Hashes.Sha256(to.ToLowerInvariant())[..12]}@{MessageIds.Domain}";
        return new AlertEmail(to, null, subject, text, html, messageId);
    }
}
