using System.Globalization;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Health;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Cli.Output;

/// <summary>The listings the commands print: the ingestion log, the archive, alerts and deliveries.</summary>
public static class Reports
{
    public static void IngestionLog(TextWriter writer, IReadOnlyList<IngestionEntry> entries, bool json)
    {
        if (json)
        {
            JsonLines.Write(writer, entries);
            return;
        }
        ConsoleTable.Write(writer,
            ["time (UTC)", "source", "kind", "outcome", "http", "bytes", "found", "new", "changed", "skipped", "ms", "url / error"],
            entries.Select(e => (IReadOnlyList<string?>)
            [
                ConsoleTable.Format(e.StartedAt), e.SourceId, e.Kind, e.Outcome.ToName(), e.HttpStatus?.ToString(CultureInfo.InvariantCulture),
                e.Bytes.ToString(CultureInfo.InvariantCulture), Count(e, e.ItemsFound), Count(e, e.ItemsNew), Count(e, e.ItemsChanged),
                e.Skipped is null ? Count(e, e.ItemsSkipped) : $"{e.ItemsSkipped} ({e.Skipped})", e.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), e.Error ?? e.Url.AbsoluteUri,
            ]), maxCellWidth: 70);
    }

    public static void Statements(TextWriter writer, IReadOnlyList<StatementSummary> statements, bool json)
    {
        if (json)
        {
            JsonLines.Write(writer, statements.Select(s => new
            {
                s.SourceId, s.StatementId, s.Title, s.Url, s.Published, s.Version, s.FirstSeen, s.LastChanged, s.WithdrawnAt,
                TextBlob = s.VersionPath(s.Version, "txt"), HtmlBlob = s.VersionPath(s.Version, "html"),
            }));
            return;
        }
        ConsoleTable.Write(writer,
            ["source", "published", "v", "title", "archived text (container 'archive')"],
            statements.Select(s => (IReadOnlyList<string?>)
            [
                s.SourceId, ConsoleTable.Format(s.Published), s.Version.ToString(CultureInfo.InvariantCulture),
                s.WithdrawnAt is null ? s.Title : $"[withdrawn {ConsoleTable.Format(s.WithdrawnAt)}] {s.Title}", s.VersionPath(s.Version, "txt"),
            ]), maxCellWidth: 90);
    }

    public static void Alerts(TextWriter writer, IReadOnlyList<AlertMessage> alerts, bool json)
    {
        if (json)
        {
            JsonLines.Write(writer, alerts);
            return;
        }
        ConsoleTable.Write(writer,
            ["raised (UTC)", "topic", "source", "v", "mentions", "title", "first mention"],
            alerts.Select(a => (IReadOnlyList<string?>)
            [
                ConsoleTable.Format(a.RaisedAt), a.TopicId, a.SourceId, a.Version.ToString(CultureInfo.InvariantCulture) + (a.IsEdit ? " (edit)" : string.Empty),
                a.MentionCount.ToString(CultureInfo.InvariantCulture), a.Title, a.Mentions.FirstOrDefault()?.Snippet,
            ]), maxCellWidth: 60);
    }

    public static void Deliveries(TextWriter writer, IReadOnlyList<DeliveryRecord> deliveries, bool json)
    {
        if (json)
        {
            JsonLines.Write(writer, deliveries);
            return;
        }
        ConsoleTable.Write(writer,
            ["sent (UTC)", "to", "topic", "subject"],
            deliveries.Select(d => (IReadOnlyList<string?>)[ConsoleTable.Format(d.SentAt), d.Recipient, d.TopicId, d.Subject]), maxCellWidth: 80);
    }

    public static void Poisoned(TextWriter writer, IReadOnlyList<MinistryMonitor.Core.Operators.PoisonedMessage> messages, bool json)
    {
        if (json)
        {
            JsonLines.Write(writer, messages);
            return;
        }
        ConsoleTable.Write(writer, ["queue", "poisoned (UTC)", "message"],
            messages.Select(m => (IReadOnlyList<string?>)[m.Queue, ConsoleTable.Format(m.InsertedOn), m.Body]), maxCellWidth: 120);
    }

    public static void OperatorAlerts(TextWriter writer, IReadOnlyList<MinistryMonitor.Core.Operators.OperatorAlertRecord> records, bool json)
    {
        if (json)
        {
            JsonLines.Write(writer, records.Select(r => new { r.Id, r.Alert.Kind, r.Alert.SourceId, r.Alert.Message, r.Alert.ConsecutiveFailures, r.Alert.At, r.MailedAt, r.MailedTo }));
            return;
        }
        ConsoleTable.Write(writer, ["at (UTC)", "kind", "source", "mailed to", "message"],
            records.Select(r => (IReadOnlyList<string?>)[ConsoleTable.Format(r.Alert.At), r.Alert.Kind, r.Alert.SourceId, r.MailedAt is null ? "(pending)" : string.IsNullOrEmpty(r.MailedTo) ? "(nobody: Operators:Emails is empty)" : r.MailedTo, r.Alert.Message]), maxCellWidth: 100);
    }

    public static void SourceHealth(TextWriter writer, IReadOnlyList<SourceHealth> rows, bool json)
    {
        if (json)
        {
            JsonLines.Write(writer, rows);
            return;
        }
        ConsoleTable.Write(writer,
            ["source", "kind", "status", "last success (UTC)", "last failure (UTC)", "in a row", "new 7d", "last new item (UTC)", "selectors matched", "skipped (last discovery)", "last failure reason"],
            rows.Select(h => (IReadOnlyList<string?>)
            [
                h.SourceId + (h.Enabled ? string.Empty : " (disabled)"), h.Kind, h.Status, ConsoleTable.Format(h.LastSuccess), ConsoleTable.Format(h.LastFailure),
                h.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture), h.StatementsLast7Days.ToString(CultureInfo.InvariantCulture),
                ConsoleTable.Format(h.LastNewItem), SelectorShare(h), h.LastSkipped ?? "-", h.LastFailureReason,
            ]), maxCellWidth: 70);
    }

    private static string SelectorShare(SourceHealth h) => h switch
    {
        { HasSelectors: false } => "no selectors",
        { SelectorShare: { } share } => $"{share:P0} of {h.ExtractedLast7Days}",
        _ => "-",
    };

    // Item counts mean nothing for a page fetch or a failed discovery.
    private static string Count(IngestionEntry e, int value) =>
        (e.Kind == "discover" || e.Kind.StartsWith("catch-up", StringComparison.Ordinal)) && e.Outcome == IngestionOutcome.Ok ? value.ToString(CultureInfo.InvariantCulture) : string.Empty;
}
