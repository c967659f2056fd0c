using System.Globalization;
using System.Net;
using System.Text;
using Monitor.Core.Messages;

namespace Monitor.Core.Delivery;

/// <summary>Writes the e-mail a subscriber receives for an alert: what was said, where, and the sentences that say it.</summary>
public static class AlertEmailComposer
{
    public static AlertEmail Compose(AlertMessage alert, Subscriber subscriber, string messageIdDomain)
    {
        var title = alert.Title ?? alert.Url.AbsoluteUri;
        var what = alert.IsEdit ? "an edited statement now mentions" : "a new statement mentions";
        var subject = $"[{alert.TopicName}] {alert.SourceName}: {title}";
        if (alert.IsEdit) subject += " (edited)";

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{alert.SourceName}: {what} \"{alert.TopicName}\".");
        text.AppendLine();
        text.AppendLine(title);
        if (alert.Published is { } published) text.AppendLine(CultureInfo.InvariantCulture, $"Published {published:yyyy-MM-dd HH:mm} UTC{published:zzz}");
        text.AppendLine(alert.Url.AbsoluteUri);
        text.AppendLine();
        foreach (var mention in alert.Mentions)
            text.AppendLine(CultureInfo.InvariantCulture, $"  … {mention.Snippet}").AppendLine();
        if (alert.MentionCount > alert.Mentions.Count)
            text.AppendLine(CultureInfo.InvariantCulture, $"  ({alert.MentionCount - alert.Mentions.Count} more mentions in the statement)").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Archived text (version {alert.Version}): {alert.TextBlob}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Alert {alert.AlertId}. You receive this because you follow \"{alert.TopicName}\" on Ministry Monitor.");

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(alert.SourceName)}: {what} <strong>{Encode(alert.TopicName)}</strong>.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"{Encode(alert.Url.AbsoluteUri)}\">{Encode(title)}</a></h2>");
        if (alert.Published is { } p) html.Append(CultureInfo.InvariantCulture, $"<p>Published {p:yyyy-MM-dd HH:mm zzz}</p>");
        foreach (var mention in alert.Mentions)
            html.Append("<blockquote>").Append(Highlight(mention)).Append("</blockquote>");
        if (alert.MentionCount > alert.Mentions.Count)
            html.Append(CultureInfo.InvariantCulture, $"<p>({alert.MentionCount - alert.Mentions.Count} more mentions in the statement)</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#666\">Archived text (version {alert.Version}): {Encode(alert.TextBlob)}<br>Alert {alert.AlertId}.</p>");

        return new AlertEmail(subscriber.Email, subscriber.Name, subject, text.ToString(), html.ToString(), MessageIdFor(alert.AlertId, subscriber.Email, messageIdDomain));
    }

    /// <summary>The Message-Id of the e-mail of an alert to a recipient: the same at every resend, so a receiver can drop a duplicate.</summary>
    public static string MessageIdFor(string alertId, string recipient, string messageIdDomain) =>
        $"{Hashes(alertId + "\n" + recipient.ToLowerInvariant())}@{messageIdDomain}";

    private static string Highlight(AlertMention mention)
    {
        var at = mention.Snippet.IndexOf(mention.MatchedText, StringComparison.Ordinal);
        if (at < 0) return Encode(mention.Snippet);
        return Encode(mention.Snippet[..at]) + "<mark>" + Encode(mention.MatchedText) + "</mark>" + Encode(mention.Snippet[(at + mention.MatchedText.Length)..]);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Hashes(string value) => Storage.Hashes.Sha256(value)[..32];
}
