using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>A daily or weekly digest: the period's alerts grouped by topic, then by ministry, each linking to its statement page, in the one <see cref="EmailLayout"/>.</summary>
public static class DigestEmailComposer
{
    public static AlertEmail Compose(Subscription subscription, DigestPeriod period, IReadOnlyList<AlertMessage> alerts, SubscriberLinks links, string messageIdDomain)
    {
        var kind = subscription.Mode == DeliveryMode.Weekly ? "Weekly" : "Daily";
        var locale = subscription.EmailLocale;
        var endLocal = TimeZoneInfo.ConvertTime(period.End, locale.Zone);
        // The subject keeps a sortable date: mail clients list subjects side by side.
        var subject = $"{kind} digest, {endLocal:yyyy-MM-dd}: {alerts.Count} {(alerts.Count == 1 ? "alert" : "alerts")} on {string.Join(", ", alerts.Select(a => a.TopicName).Distinct().Take(3))}";
        var emailLinks = new EmailLinks(links.Unsubscribe(subscription.Id), links.Manage(subscription.Id));

        var layout = new EmailLayout(subject, locale)
            .Heading($"{kind} digest, {locale.Day(period.End)}")
            .Paragraph($"{alerts.Count} {(alerts.Count == 1 ? "alert" : "alerts")} from {locale.When(period.Start)} to {locale.When(period.End)}.");
        foreach (var topic in alerts.GroupBy(a => a.TopicName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            layout.Section(topic.Key);
            foreach (var ministry in topic.GroupBy(a => a.SourceName).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                layout.Group(ministry.Key);
                foreach (var alert in ministry.OrderBy(a => a.RaisedAt))
                {
                    var snippet = alert.Mentions.FirstOrDefault();
                    var note = (alert.IsEdit ? "edited, " : string.Empty) + locale.When(alert.Published ?? alert.RaisedAt);
                    layout.Item(alert.Title ?? alert.Url.AbsoluteUri, links.Statement(alert.SourceId, alert.StatementId), $"({note})",
                        snippet?.Snippet, snippet is null ? [] : [snippet.MatchedText]);
                }
            }
        }
        var body = layout.Render(emailLinks);
        var local = Storage.Hashes.Sha256($"digest\n{subscription.Id}\n{period.Key}")[..32];
        return new AlertEmail(subscription.Address, subscription.Name, subject, body.Text, body.Html, $"{local}@{messageIdDomain}") { Headers = emailLinks.Headers };
    }
}
