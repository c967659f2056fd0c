using System.Globalization;
using System.Text;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>A daily or weekly digest: the period's alerts grouped by topic, then by ministry, each linking to its statement page.</summary>
public static class DigestEmailComposer
{
    public static AlertEmail Compose(Subscription subscription, DigestPeriod period, IReadOnlyList<AlertMessage> alerts, SubscriberLinks links, string messageIdDomain)
    {
        var kind = subscription.Mode == DeliveryMode.Weekly ? "Weekly" : "Daily";
        var zone = SubscriptionRules.FindTimeZone(subscription.TimeZone);
        var endLocal = TimeZoneInfo.ConvertTime(period.End, zone);
        var subject = $"{kind} digest, {endLocal:yyyy-MM-dd}: {alerts.Count} {(alerts.Count == 1 ? "alert" : "alerts")} on {string.Join(", ", alerts.Select(a => a.TopicName).Distinct().Take(3))}";
        var emailLinks = new EmailLinks(links.Unsubscribe(subscription.Id), links.Manage(subscription.Id));

        var text = new StringBuilder();
        var html = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{kind} digest of Ministry Monitor, up to {endLocal:yyyy-MM-dd HH:mm} ({subscription.TimeZone}).");
        html.Append(CultureInfo.InvariantCulture, $"<p>{kind} digest of Ministry Monitor, up to {endLocal:yyyy-MM-dd HH:mm} ({AlertEmailComposer.Encode(subscription.TimeZone)}).</p>");
        foreach (var topic in alerts.GroupBy(a => a.TopicName).OrderBy(g => g.Key, StringComparer.CurrentCulture))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"== {topic.Key} ==");
            html.Append(CultureInfo.InvariantCulture, $"<h2>{AlertEmailComposer.Encode(topic.Key)}</h2>");
            foreach (var ministry in topic.GroupBy(a => a.SourceName).OrderBy(g => g.Key, StringComparer.CurrentCulture))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{ministry.Key}:");
                html.Append(CultureInfo.InvariantCulture, $"<h3>{AlertEmailComposer.Encode(ministry.Key)}</h3><ul>");
                foreach (var alert in ministry.OrderBy(a => a.RaisedAt))
                {
                    var page = links.Statement(alert.SourceId, alert.StatementId);
                    var title = alert.Title ?? alert.Url.AbsoluteUri;
                    var edited = alert.IsEdit ? " (edited)" : string.Empty;
                    var snippet = alert.Mentions.FirstOrDefault();
                    text.AppendLine(CultureInfo.InvariantCulture, $"  - {title}{edited}  {page.AbsoluteUri}");
                    if (snippet is not null) text.AppendLine(CultureInfo.InvariantCulture, $"    … {snippet.Snippet}");
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{AlertEmailComposer.Encode(page.AbsoluteUri)}\">{AlertEmailComposer.Encode(title)}</a>{edited}");
                    if (snippet is not null) html.Append("<br><small>… ").Append(AlertEmailComposer.Highlight(snippet.Snippet, [snippet.MatchedText])).Append("</small>");
                    html.Append("</li>");
                }
                html.Append("</ul>");
            }
        }
        AlertEmailComposer.AppendFooterText(text, emailLinks);
        AlertEmailComposer.AppendFooterHtml(html, emailLinks);
        var local = Storage.Hashes.Sha256($"digest\n{subscription.Id}\n{period.Key}")[..32];
        return new AlertEmail(subscription.Address, subscription.Name, subject, text.ToString(), html.ToString(), $"{local}@{messageIdDomain}") { Headers = emailLinks.Headers };
    }
}
