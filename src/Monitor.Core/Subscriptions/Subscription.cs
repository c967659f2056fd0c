using System.Security.Cryptography;
using System.Text.Json.Serialization;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// One subscriber's alerts: who, on what (catalogue topics and/or their own terms), from which sources and
/// languages, how often, and through which channel. One subscription per address; its id (a storage key, never
/// shown but in the subscriber's own signed links) is derived from it; its own terms have a random id.
/// </summary>
public sealed record Subscription
{
    public required string Address { get; init; }
    public string? Name { get; init; }

    /// <summary>Ids of topics from topics.json.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The subscriber's own terms, in the syntax of topics.json, compiled into the same automaton as the catalogue.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>
    /// A random id for the topic compiled from <see cref="Terms"/>, kept with the subscription: it names the alerts on
    /// those terms, so it must stay the same for the subscription's life, and it must say nothing about the address.
    /// Null only in subscriptions stored before it existed, until <see cref="OwnTermsIds"/> gives them one.
    /// </summary>
    public string? OwnTermsId { get; init; }

    /// <summary>Only statements of these sources; empty means all.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Only statements of sources in these languages; empty means all.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public DeliveryMode Mode { get; init; } = DeliveryMode.Immediate;

    /// <summary>
    /// Whether to be e-mailed, at once, when a statement that mentioned one of the subscription's topics is withdrawn
    /// (or comes back). On unless turned off: an analyst who followed a statement wants to know it is gone.
    /// </summary>
    public bool Withdrawals { get; init; } = true;

    /// <summary>Local hour (0–23) at which a daily or weekly digest goes out.</summary>
    public int Hour { get; init; } = 8;

    /// <summary>IANA time zone of <see cref="Hour"/>.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>
    /// The language tag of the subscriber's e-mails (their <c>lang</c>, how dates are written): an English one, since the
    /// e-mails are written in English ("en", "en-GB", "en-US"), from the browser's Accept-Language at subscribing.
    /// </summary>
    public string Locale { get; init; } = EmailLocale.DefaultLanguage;

    /// <summary>The day a weekly digest goes out.</summary>
    public DayOfWeek WeeklyOn { get; init; } = DayOfWeek.Monday;

    /// <summary>Null for e-mail; an HTTPS endpoint to POST alerts to otherwise.</summary>
    public Uri? Webhook { get; init; }

    public WebhookFormat WebhookFormat { get; init; } = WebhookFormat.Alert;

    /// <summary>Key of the webhook's HMAC signature; generated when the subscription is made.</summary>
    public string? WebhookSecret { get; init; }

    public SubscriptionStatus Status { get; init; } = SubscriptionStatus.Pending;

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>What made it ("operator", "import", "self-service").</summary>
    public string Origin { get; init; } = "operator";

    /// <summary>The last permanent delivery failure, when <see cref="Status"/> is bouncing.</summary>
    public string? LastError { get; init; }

    [JsonIgnore]
    public string Id => IdOf(Address);

    /// <summary>The id of the topic compiled from <see cref="Terms"/>; private: it only ever names this subscriber's alerts.</summary>
    [JsonIgnore]
    public string? OwnTopicId => OwnTermsId is null ? null : OwnTopicPrefix + OwnTermsId;

    /// <summary>How this subscriber's e-mails write dates: <see cref="Locale"/> in <see cref="TimeZone"/>.</summary>
    [JsonIgnore]
    public EmailLocale EmailLocale => EmailLocale.For(Locale, TimeZone);

    [JsonIgnore]
    public Channel Channel => Webhook is null ? Channel.Email : Channel.Webhook;

    [JsonIgnore]
    public bool IsActive => Status == SubscriptionStatus.Active;

    public const string OwnTopicPrefix = "own-";

    /// <summary>96 random bits: unguessable, and unrelated to anything about the subscriber.</summary>
    public static string NewOwnTermsId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string IdOf(string address) => Hashes.Sha256(address.Trim().ToLowerInvariant())[..24];

    /// <summary>Whether an alert on this topic, from this source in this language, is for this subscription.</summary>
    public bool Wants(string topicId, string sourceId, string? language) =>
        (Topics.Contains(topicId, StringComparer.Ordinal) || (Terms.Count > 0 && OwnTopicId is not null && topicId == OwnTopicId))
        && (Sources.Count == 0 || Sources.Contains(sourceId, StringComparer.Ordinal))
        && (Languages.Count == 0 || (language is not null && Languages.Contains(language, StringComparer.OrdinalIgnoreCase)));
}

[JsonConverter(typeof(CamelCaseEnumConverter<DeliveryMode>))]
public enum DeliveryMode
{
    Immediate,
    Daily,
    Weekly,
}

[JsonConverter(typeof(CamelCaseEnumConverter<Channel>))]
public enum Channel
{
    Email,
    Webhook,
}

/// <summary>Alert: the versioned alert JSON as on the alerts queue. Text: <c>{"text": "..."}</c>, which Slack and Teams incoming webhooks accept.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WebhookFormat>))]
public enum WebhookFormat
{
    Alert,
    Text,
}

[JsonConverter(typeof(CamelCaseEnumConverter<SubscriptionStatus>))]
public enum SubscriptionStatus
{
    /// <summary>Self-service: waiting for the address to confirm; nothing but the confirmation is sent.</summary>
    Pending,
    Active,
    /// <summary>The mail server refused the address permanently (5xx); nothing is sent until it is fixed.</summary>
    Bouncing,
    /// <summary>Left, by the unsubscribe link or `monitor subscribers remove`. Kept so an import does not bring it back.</summary>
    Unsubscribed,
}
