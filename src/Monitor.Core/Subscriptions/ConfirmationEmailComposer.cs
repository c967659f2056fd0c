using MinistryMonitor.Core.Delivery;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>The double opt-in e-mail, and the note to an address that is subscribed already (with its manage link), in the one <see cref="EmailLayout"/>.</summary>
public static class ConfirmationEmailComposer
{
    public static AlertEmail Confirm(Subscription subscription, Uri confirm, Func<string, string> topicName, string messageIdDomain)
    {
        const string subject = "Confirm your Ministry Monitor alerts";
        var body = new EmailLayout(subject, subscription.EmailLocale)
            .Heading("Confirm your alerts")
            .Paragraph("Someone, probably you, asked Ministry Monitor to send alerts to this address:")
            .Paragraph(Sentence(Describe(subscription, topicName)))
            .Button("Confirm the subscription", confirm)
            .Paragraph($"The link works for {SubscriberTokens.ConfirmLifetime.TotalDays:0} days.")
            .Note("If it was not you, ignore this e-mail: nothing will be sent unless the address is confirmed.")
            .Render();
        return Email(subscription, subject, body, "confirm", messageIdDomain);
    }

    public static AlertEmail AlreadySubscribed(Subscription subscription, Uri manage, Func<string, string> topicName, string messageIdDomain)
    {
        const string subject = "Your Ministry Monitor alerts";
        var body = new EmailLayout(subject, subscription.EmailLocale)
            .Heading("You are subscribed already")
            .Paragraph("Someone, probably you, asked to subscribe this address, which already receives Ministry Monitor alerts:")
            .Paragraph(Sentence(Describe(subscription, topicName)))
            .Button("Change or stop them", manage)
            .Note("If it was not you, nothing has changed; you can ignore this e-mail.")
            .Render();
        return Email(subscription, subject, body, "already", messageIdDomain);
    }

    /// <summary>What a subscription follows and how often, in words: topics by name, never by id.</summary>
    public static string Describe(Subscription s, Func<string, string> topicName)
    {
        var locale = s.EmailLocale;
        var parts = new List<string>();
        if (s.Topics.Count > 0) parts.Add((s.Topics.Count == 1 ? "the topic " : "the topics ") + locale.And(s.Topics.Select(t => $"\"{topicName(t)}\"").ToList()));
        if (s.Terms.Count > 0) parts.Add((s.Terms.Count == 1 ? "your term " : "your terms ") + locale.And(s.Terms.Select(t => $"\"{t}\"").ToList()));
        var mode = s.Mode switch
        {
            DeliveryMode.Daily => $"in a daily digest at {locale.Hour(s.Hour)} {locale.ZoneName}",
            DeliveryMode.Weekly => $"in a weekly digest on {s.WeeklyOn}s at {locale.Hour(s.Hour)} {locale.ZoneName}",
            _ => "as it happens",
        };
        return $"{string.Join(" and ", parts)}, {mode}";
    }

    private static string Sentence(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1), ".");

    private static AlertEmail Email(Subscription s, string subject, EmailBody body, string kind, string domain) =>
        new(s.Address, s.Name, subject, body.Text, body.Html, $"{Storage.Hashes.Sha256($"{kind}\n{s.Id}\n{Guid.NewGuid()}")[..32]}@{domain}");
}
