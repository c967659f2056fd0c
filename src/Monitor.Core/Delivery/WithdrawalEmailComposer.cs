using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Delivery;

/// <summary>
/// Writes the e-mail a subscriber receives when a statement on a topic they follow is withdrawn from the ministry's
/// site, or comes back: what, when it was seen, what the site answered, and that the archived versions stay readable.
/// The layout (and its encoding of every string) is <see cref="EmailLayout"/>'s.
/// </summary>
public static class WithdrawalEmailComposer
{
    public static AlertEmail Compose(AlertMessage notice, MailRecipient to, Uri statementPage, EmailLinks links, IReadOnlyList<string> topicNames, EmailLocale locale, string messageIdDomain)
    {
        var withdrawn = notice.Kind == AlertMessage.WithdrawnKind;
        var title = notice.Title ?? notice.Url.AbsoluteUri;
        var subject = $"[{(withdrawn ? "Withdrawn" : "Restored")}] {notice.SourceName}: {title}";
        var what = withdrawn
            ? $"{notice.SourceName} — a statement was withdrawn from the ministry's site (seen {locale.When(notice.RaisedAt)}: {notice.Reason})."
            : $"{notice.SourceName} — a statement the ministry had withdrawn is published again (seen {locale.When(notice.RaisedAt)}).";
        var topics = locale.And(topicNames.Select(n => $"\"{n}\"").ToList());

        var layout = new EmailLayout(subject, locale)
            .Paragraph(what)
            .Heading(title, statementPage);
        if (notice.Published is { } published) layout.Meta($"Published {locale.When(published)}");
        layout.Links(("Read it in the archive", statementPage), ("Was on the ministry's site at", notice.Url))
            .Paragraph(withdrawn ? "Every archived version stays readable in the monitor." : "The monitor marks it restored.")
            .Note($"You receive this because it mentioned {topics}, which you follow on Ministry Monitor, with withdrawals on.");

        var body = layout.Render(links);
        return new AlertEmail(to.Address, to.Name, subject, body.Text, body.Html,
            AlertEmailComposer.MessageIdFor(notice.AlertId, to.Address, messageIdDomain)) { Headers = links.Headers };
    }
}
