using System.Globalization;
using System.Net;
using System.Text;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Delivery;

/// <summary>
/// Writes the e-mail a subscriber receives for an alert: what was said, where (the web reader's statement page),
/// the sentences that say it or, for an edit, what was removed and inserted; with unsubscribe and manage links.
/// Every string that comes from a ministry page is HTML-encoded in the HTML part.
/// </summary>
public static class AlertEmailComposer
{
    public static AlertEmail Compose(AlertMessage alert, MailRecipient to, Uri statementPage, EmailLinks links, IReadOnlyList<EditedPassage> edits, string messageIdDomain)
    {
        var title = alert.Title ?? alert.Url.AbsoluteUri;
        var what = alert.IsEdit ? "an edited statement now mentions" : "a new statement mentions";
        var subject = $"[{alert.TopicName}] {alert.SourceName}: {title}";
        if (alert.IsEdit) subject += " (edited)";
        var terms = alert.Mentions.Select(m => m.MatchedText).Distinct(StringComparer.Ordinal).ToList();

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{alert.SourceName}: {what} \"{alert.TopicName}\".");
        text.AppendLine();
        text.AppendLine(title);
        if (alert.Published is { } published) text.AppendLine(CultureInfo.InvariantCulture, $"Published {published:yyyy-MM-dd HH:mm} UTC{published:zzz}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Read it: {statementPage.AbsoluteUri}");
        text.AppendLine(CultureInfo.InvariantCulture, $"On the ministry's site: {alert.Url.AbsoluteUri}");
        text.AppendLine();
        if (edits.Count > 0)
        {
            text.AppendLine("What the edit changed:").AppendLine();
            foreach (var edit in edits)
            {
                if (edit.Removed is not null) text.AppendLine(CultureInfo.InvariantCulture, $"  - {edit.Removed}");
                if (edit.Inserted is not null) text.AppendLine(CultureInfo.InvariantCulture, $"  + {MarkText(edit.Inserted, terms)}");
                text.AppendLine();
            }
        }
        else
        {
            foreach (var mention in alert.Mentions)
                text.AppendLine(CultureInfo.InvariantCulture, $"  … {MarkText(mention.Snippet, [mention.MatchedText])}").AppendLine();
        }
        if (alert.MentionCount > alert.Mentions.Count)
            text.AppendLine(CultureInfo.InvariantCulture, $"  ({alert.MentionCount - alert.Mentions.Count} more mentions in the statement)").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"You receive this because you follow \"{alert.TopicName}\" on Ministry Monitor (alert {alert.AlertId}, version {alert.Version}).");
        AppendFooterText(text, links);

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(alert.SourceName)}: {what} <strong>{Encode(alert.TopicName)}</strong>.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"{Encode(statementPage.AbsoluteUri)}\">{Encode(title)}</a></h2>");
        if (alert.Published is { } p) html.Append(CultureInfo.InvariantCulture, $"<p>Published {p:yyyy-MM-dd HH:mm zzz}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(statementPage.AbsoluteUri)}\">Read the statement</a> · <a href=\"{Encode(alert.Url.AbsoluteUri)}\">on the ministry's site</a></p>");
        if (edits.Count > 0)
        {
            html.Append("<p>What the edit changed:</p>");
            foreach (var edit in edits)
            {
                if (edit.Removed is not null) html.Append("<p><del style=\"color:#a33\">− ").Append(Encode(edit.Removed)).Append("</del></p>");
                if (edit.Inserted is not null) html.Append("<p><ins style=\"color:#262;text-decoration:none\">+ ").Append(Highlight(edit.Inserted, terms)).Append("</ins></p>");
            }
        }
        else
        {
            foreach (var mention in alert.Mentions)
                html.Append("<blockquote>").Append(Highlight(mention.Snippet, [mention.MatchedText])).Append("</blockquote>");
        }
        if (alert.MentionCount > alert.Mentions.Count)
            html.Append(CultureInfo.InvariantCulture, $"<p>({alert.MentionCount - alert.Mentions.Count} more mentions in the statement)</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#666\">You receive this because you follow <strong>{Encode(alert.TopicName)}</strong> on Ministry Monitor (alert {Encode(alert.AlertId)}, version {alert.Version}).</p>");
        AppendFooterHtml(html, links);

        return new AlertEmail(to.Address, to.Name, subject, text.ToString(), html.ToString(), MessageIdFor(alert.AlertId, to.Address, messageIdDomain)) { Headers = links.Headers };
    }

    /// <summary>The Message-Id of the e-mail of an alert to a recipient: the same at every resend, so a receiver can drop a duplicate.</summary>
    public static string MessageIdFor(string alertId, string recipient, string messageIdDomain) =>
        $"{Hashes(alertId + "\n" + recipient.ToLowerInvariant())}@{messageIdDomain}";

    internal static void AppendFooterText(StringBuilder text, EmailLinks links)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Manage your alerts: {links.Manage.AbsoluteUri}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe: {links.Unsubscribe.AbsoluteUri}");
    }

    internal static void AppendFooterHtml(StringBuilder html, EmailLinks links) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<hr><p style=\"color:#666;font-size:small\"><a href=\"{Encode(links.Manage.AbsoluteUri)}\">Manage your alerts</a> · <a href=\"{Encode(links.Unsubscribe.AbsoluteUri)}\">Unsubscribe</a></p>");

    /// <summary>The text HTML-encoded, with each occurrence of the matched words in &lt;mark&gt;.</summary>
    internal static string Highlight(string text, IReadOnlyList<string> matched)
    {
        var html = new StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var (next, length) = NextMatch(text, at, matched);
            if (next < 0) break;
            html.Append(Encode(text[at..next])).Append("<mark>").Append(Encode(text.Substring(next, length))).Append("</mark>");
            at = next + length;
        }
        return html.Append(Encode(text[at..])).ToString();
    }

    private static string MarkText(string text, IReadOnlyList<string> matched)
    {
        var result = new StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var (next, length) = NextMatch(text, at, matched);
            if (next < 0) break;
            result.Append(text, at, next - at).Append('*').Append(text, next, length).Append('*');
            at = next + length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    private static (int At, int Length) NextMatch(string text, int from, IReadOnlyList<string> matched)
    {
        var best = (-1, 0);
        foreach (var m in matched)
        {
            if (m.Length == 0) continue;
            var i = text.IndexOf(m, from, StringComparison.Ordinal);
            if (i >= 0 && (best.Item1 < 0 || i < best.Item1)) best = (i, m.Length);
        }
        return best;
    }

    internal static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Hashes(string value) => Storage.Hashes.Sha256(value)[..32];
}
