using System.Globalization;
using System.Text;
using MinistryMonitor.Core.Delivery;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>The double opt-in e-mail, and the note to an address that is subscribed already (with its manage link).</summary>
public static class ConfirmationEmailComposer
{
    public static AlertEmail Confirm(Subscription subscription, Uri confirm, string messageIdDomain)
    {
        var what = Describe(subscription);
        var text = new StringBuilder()
            .AppendLine("Someone, probably you, asked Ministry Monitor to send alerts to this address:")
            .AppendLine(CultureInfo.InvariantCulture, $"  {what}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"To start receiving them, confirm within {SubscriberTokens.ConfirmLifetime.TotalDays:0} days: {confirm.AbsoluteUri}")
            .AppendLine()
            .AppendLine("If it was not you, ignore this e-mail: nothing will be sent unless the address is confirmed.")
            .ToString();
        var html = $"<p>Someone, probably you, asked Ministry Monitor to send alerts to this address: {AlertEmailComposer.Encode(what)}.</p>"
                   + $"<p><a href=\"{AlertEmailComposer.Encode(confirm.AbsoluteUri)}\">Confirm the subscription</a> (within {SubscriberTokens.ConfirmLifetime.TotalDays:0} days).</p>"
                   + "<p style=\"color:#666\">If it was not you, ignore this e-mail: nothing will be sent unless the address is confirmed.</p>";
        return Email(subscription, "Confirm your Ministry Monitor alerts", text, html, "confirm", messageIdDomain);
    }

    public static AlertEmail AlreadySubscribed(Subscription subscription, Uri manage, string messageIdDomain)
    {
        var text = $"This address already receives Ministry Monitor alerts. To change or stop them: {manage.AbsoluteUri}\n";
        var html = $"<p>This address already receives Ministry Monitor alerts. <a href=\"{AlertEmailComposer.Encode(manage.AbsoluteUri)}\">Change or stop them</a>.</p>";
        return Email(subscription, "Your Ministry Monitor alerts", text, html, "already", messageIdDomain);
    }

    public static string Describe(Subscription s)
    {
        var parts = new List<string>();
        if (s.Topics.Count > 0) parts.Add("topics " + string.Join(", ", s.Topics));
        if (s.Terms.Count > 0) parts.Add("your terms " + string.Join("; ", s.Terms.Select(t => $"\"{t}\"")));
        var mode = s.Mode switch
        {
            DeliveryMode.Daily => $"a daily digest at {s.Hour:00}:00 ({s.TimeZone})",
            DeliveryMode.Weekly => $"a weekly digest on {s.WeeklyOn} at {s.Hour:00}:00 ({s.TimeZone})",
            _ => "as it happens",
        };
        return $"{string.Join(" and ", parts)}, {mode}";
    }

    private static AlertEmail Email(Subscription s, string subject, string text, string html, string kind, string domain) =>
        new(s.Address, s.Name, subject, text, html, $"{Storage.Hashes.Sha256($"{kind}\n{s.Id}\n{Guid.NewGuid()}")[..32]}@{domain}");
}
