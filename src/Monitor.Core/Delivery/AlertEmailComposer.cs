using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Delivery;

/// <summary>
/// Writes the e-mail a subscriber receives for an alert: what was said, where (the web reader's statement page),
/// the sentences that say it or, for an edit, each changed sentence as it was and as it is, the new mention marked;
/// with unsubscribe and manage links. The layout (and its encoding of every string) is <see cref="EmailLayout"/>'s.
/// </summary>
public static class AlertEmailComposer
{
    public static AlertEmail Compose(AlertMessage alert, MailRecipient to, Uri statementPage, EmailLinks links, IReadOnlyList<EditedPassage> edits, EmailLocale locale, string messageIdDomain)
    {
        var title = alert.Title ?? alert.Url.AbsoluteUri;
        var what = alert.IsEdit ? "an edited statement now mentions" : "a new statement mentions";
        var subject = $"[{alert.TopicName}] {alert.SourceName}: {title}";
        if (alert.IsEdit) subject += " (edited)";
        var terms = alert.Mentions.Select(m => m.MatchedText).Distinct(StringComparer.Ordinal).ToList();

        var layout = new EmailLayout(subject, locale)
            .Paragraph($"{alert.SourceName} — {what} \"{alert.TopicName}\".", alert.TopicName)
            .Heading(title, statementPage)
            .Meta(alert.Published is { } published ? $"Published {locale.When(published)}" : $"Found {locale.When(alert.RaisedAt)}")
            .Links(("Read the statement", statementPage), ("On the ministry's site", alert.Url));
        if (edits.Count > 0)
        {
            layout.Paragraph("What the edit changed:");
            foreach (var edit in edits) layout.Change(edit.Removed, edit.Inserted, terms);
        }
        else
        {
            foreach (var mention in alert.Mentions) layout.Quote(mention.Snippet, [mention.MatchedText]);
        }
        var more = alert.MentionCount - alert.Mentions.Count;
        if (more > 0) layout.Paragraph($"({more} more {(more == 1 ? "mention" : "mentions")} in the statement)");
        layout.Note($"You receive this because you follow \"{alert.TopicName}\" on Ministry Monitor{(alert.IsEdit ? $" (version {alert.Version} of the statement)" : string.Empty)}.");

        var body = layout.Render(links);
        return new AlertEmail(to.Address, to.Name, subject, body.Text, body.Html, MessageIdFor(alert.AlertId, to.Address, messageIdDomain)) { Headers = links.Headers };
    }

    /// <summary>The Message-Id of the e-mail of an alert to a recipient: the same at every resend, so a receiver can drop a duplicate.</summary>
    public static string MessageIdFor(string alertId, string recipient, string messageIdDomain) =>
        $"{Storage.Hashes.Sha256(alertId + "\n" + recipient.ToLowerInvariant())[..32]}@{messageIdDomain}";
}
