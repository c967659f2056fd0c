using Monitor.Core.Detection;

namespace Monitor.Core.Subscriptions;

/// <summary>
/// The subscriptions at one version of the store, with the detector compiled from the catalogue topics and every
/// active subscription's own terms.
/// </summary>
public sealed class SubscriptionSnapshot
{
    private const int MaxOwnTopicName = 80;

    public SubscriptionSnapshot(string version, IReadOnlyList<Topic> catalogue, IReadOnlyList<Subscription> subscriptions)
    {
        Version = version;
        Subscriptions = subscriptions;
        var own = subscriptions.Where(s => s.IsActive && s.Terms.Count > 0).Select(OwnTopic).ToList();
        Detector = new MentionDetector(own.Count == 0 ? catalogue : [.. catalogue, .. own]);
    }

    public string Version { get; }

    public IReadOnlyList<Subscription> Subscriptions { get; }

    public IMentionDetector Detector { get; }

    /// <summary>The active subscriptions an alert on this topic, source and language goes to.</summary>
    public IEnumerable<Subscription> RecipientsOf(string topicId, string sourceId, string? language) =>
        Subscriptions.Where(s => s.IsActive && s.Wants(topicId, sourceId, language));

    /// <summary>A subscriber's own terms as a topic of its own, so alerts on them reach that subscriber only.</summary>
    public static Topic OwnTopic(Subscription subscription)
    {
        var name = string.Join(" / ", subscription.Terms);
        if (name.Length > MaxOwnTopicName) name = string.Concat(name.AsSpan(0, MaxOwnTopicName - 1), "…");
        return new Topic(subscription.OwnTopicId, name, subscription.Terms);
    }
}
