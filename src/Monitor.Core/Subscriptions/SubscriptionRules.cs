using System.Net;
using System.Net.Mail;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// What makes a subscription acceptable: a real address, known topics and sources, terms that parse, an hour and
/// an IANA time zone that exist, and a webhook the pipeline may call (HTTPS; loopback only when private networks are allowed).
/// </summary>
public sealed class SubscriptionRules(IReadOnlyCollection<Topic> catalogue, IReadOnlyCollection<string> sourceIds, bool allowPrivateNetworks)
{
    public const int MaxTerms = 20;
    public const int MaxTermLength = 200;

    /// <summary>The subscription with its address trimmed, or a <see cref="SubscriptionException"/> naming the first problem.</summary>
    public Subscription Validate(Subscription subscription)
    {
        var address = CheckAddress(subscription.Address);
        var topics = catalogue.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in subscription.Topics)
        {
            if (!topics.Contains(topic))
                throw new SubscriptionException("topic", $"'{topic}' is not a topic in the catalogue (known: {string.Join(", ", topics.Order(StringComparer.Ordinal))})");
        }
        if (subscription.Topics.Count == 0 && subscription.Terms.Count == 0)
            throw new SubscriptionException("topic", "choose at least one catalogue topic or write your own terms");
        CheckTerms(subscription.Terms);
        foreach (var source in subscription.Sources)
        {
            if (!sourceIds.Contains(source))
                throw new SubscriptionException("source", $"'{source}' is not a source id (known: {string.Join(", ", sourceIds.Order(StringComparer.Ordinal))})");
        }
        if (subscription.Hour is < 0 or > 23)
            throw new SubscriptionException("hour", $"{subscription.Hour} is not an hour of the day (0-23)");
        FindTimeZone(subscription.TimeZone);
        if (!EmailLocale.IsSupported(subscription.Locale))
            throw new SubscriptionException("locale", $"'{subscription.Locale}' is not a language the e-mails are written in (en, or en with a region: en-GB, en-US)");
        if (subscription.Webhook is not null) CheckWebhook(subscription.Webhook, allowPrivateNetworks);
        // Every way in (web, CLI, API) validates, so every new subscription gets its private own-terms id here.
        return subscription with { Address = address, OwnTermsId = subscription.OwnTermsId ?? Subscription.NewOwnTermsId() };
    }

    /// <summary>The display name of a catalogue topic ("Lachin corridor"), or the id when the catalogue no longer has it.</summary>
    public string TopicName(string id) => catalogue.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    public static string CheckAddress(string? address)
    {
        var trimmed = address?.Trim() ?? string.Empty;
        if (trimmed.Length == 0) throw new SubscriptionException("address", "missing");
        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !parsed.Host.Contains('.', StringComparison.Ordinal) && parsed.Host != "localhost")
            throw new SubscriptionException("address", $"'{trimmed}' is not an e-mail address (expected name@example.org)");
        return trimmed;
    }

    public static void CheckTerms(IReadOnlyList<string> terms)
    {
        if (terms.Count > MaxTerms) throw new SubscriptionException("terms", $"at most {MaxTerms} terms");
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term)) throw new SubscriptionException("terms", "a term is empty");
            if (term.Length > MaxTermLength) throw new SubscriptionException("terms", $"'{term[..40]}…' is longer than {MaxTermLength} characters");
            try
            {
                TermSyntax.Parse(term, caseSensitive: false);
            }
            catch (FormatException ex)
            {
                throw new SubscriptionException("terms", ex.Message);
            }
        }
    }

    /// <summary>The time zone of an IANA id ("Europe/Moscow"), or a <see cref="SubscriptionException"/>.</summary>
    public static TimeZoneInfo FindTimeZone(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new SubscriptionException("tz", "missing");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || !(zone.HasIanaId || id == "UTC"))
            throw new SubscriptionException("tz", $"'{id}' is not an IANA time zone (for example Europe/Moscow, Asia/Baku, America/New_York, UTC)");
        return zone;
    }

    /// <summary>
    /// HTTPS only, so the signed alert is not readable on the way; no user info in the URL. Loopback plain HTTP is
    /// allowed only with <c>Fetch:AllowPrivateNetworks</c> (tests and the demo).
    /// </summary>
    public static void CheckWebhook(Uri url, bool allowPrivateNetworks)
    {
        if (!url.IsAbsoluteUri) throw new SubscriptionException("webhook", $"'{url}' is not an absolute URL");
        if (!string.IsNullOrEmpty(url.UserInfo)) throw new SubscriptionException("webhook", "credentials in the URL are not allowed; the request is signed instead");
        var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        if (loopback)
        {
            if (!allowPrivateNetworks)
                throw new SubscriptionException("webhook", $"'{url}' is on this machine; loopback webhooks are allowed only with Fetch:AllowPrivateNetworks");
            if (url.Scheme is not ("http" or "https")) throw new SubscriptionException("webhook", $"'{url}' is not an HTTP(S) URL");
            return;
        }
        if (url.Scheme != Uri.UriSchemeHttps)
            throw new SubscriptionException("webhook", $"'{url}' must use https");
        if (!allowPrivateNetworks && IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) && IsPrivate(literal))
            throw new SubscriptionException("webhook", $"'{url}' is a private network address");
    }

    private static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        var b = ip.GetAddressBytes();
        return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? b[0] is 10 or 127 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127)
            : ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || IPAddress.IPv6Loopback.Equals(ip) || (b[0] & 0xFE) == 0xFC;
    }
}
