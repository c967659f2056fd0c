using System.Globalization;
using System.Text;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Delivery;

/// <summary>
/// Writes the e-mail a subscriber receives when a statement on a topic they follow is withdrawn from the ministry's
/// site, or comes back: what, when it was seen, what the site answered, and that the archived versions stay readable.
/// Every string from a ministry page is HTML-encoded in the HTML part.
/// </summary>
public static class WithdrawalEmailComposer
{
    public static AlertEmail Compose(AlertMessage notice, MailRecipient to, Uri statementPage, EmailLinks links, IReadOnlyList<string> topicNames, string messageIdDomain)
    {
        var withdrawn = notice.Kind == AlertMessage.WithdrawnKind;
        var title = notice.Title ?? notice.Url.AbsoluteUri;
        var subject = $"[{(withdrawn ? "Withdrawn" : "Restored")}] {notice.SourceName}: {title}";
        var what = withdrawn
            ? $"withdrew a statement (seen {notice.RaisedAt:yyyy-MM-dd HH:mm} UTC: {notice.Reason})"
            : $"published again a statement it had withdrawn (seen {notice.RaisedAt:yyyy-MM-dd HH:mm} UTC)";
        var kept = withdrawn ? "Every archived version stays readable in the monitor." : "The monitor marks it restored.";
        var topics = string.Join(", ", topicNames.Select(n => $"\"{n}\""));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{notice.SourceName} {what}.");
        text.AppendLine();
        text.AppendLine(title);
        if (notice.Published is { } published) text.AppendLine(CultureInfo.InvariantCulture, $"Published {published:yyyy-MM-dd HH:mm} UTC{published:zzz}");
        text.AppendLine(CultureInfo.InvariantCulture, $"In the archive: {statementPage.AbsoluteUri}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Was on the ministry's site at: {notice.Url.AbsoluteUri}");
        text.AppendLine().AppendLine(kept).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"You receive this because it mentioned {topics}, which you follow on Ministry Monitor, with withdrawals on (notice {notice.AlertId}).");
        AlertEmailComposer.AppendFooterText(text, links);

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(notice.SourceName)} {Encode(what)}.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"{Encode(statementPage.AbsoluteUri)}\">{Encode(title)}</a></h2>");
        if (notice.Published is { } p) html.Append(CultureInfo.InvariantCulture, $"<p>Published {p:yyyy-MM-dd HH:mm zzz}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(statementPage.AbsoluteUri)}\">Read it in the archive</a> · was at {Encode(notice.Url.AbsoluteUri)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(kept)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#666\">You receive this because it mentioned {Encode(topics)}, which you follow on Ministry Monitor, with withdrawals on (notice {Encode(notice.AlertId)}).</p>");
        AlertEmailComposer.AppendFooterHtml(html, links);

        return new AlertEmail(to.Address, to.Name, subject, text.ToString(), html.ToString(),
            AlertEmailComposer.MessageIdFor(notice.AlertId, to.Address, messageIdDomain)) { Headers = links.Headers };
    }

    private static string Encode(string value) => AlertEmailComposer.Encode(value);
}
