using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// The subscriptions at one version of the store, with the detector compiled from the catalogue topics and every
/// active subscription's own terms.
/// </summary>
public sealed class SubscriptionSnapshot
{
    private const int MaxOwnTopicName = 80;
    private readonly HashSet<string> _catalogue;

    public SubscriptionSnapshot(string version, IReadOnlyList<Topic> catalogue, IReadOnlyList<Subscription> subscriptions)
    {
        Version = version;
        Subscriptions = subscriptions;
        _catalogue = catalogue.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        // A subscription stored before own terms had their own id waits for OwnTermsIds to give it one (at start-up).
        var own = subscriptions.Where(s => s.IsActive && s.Terms.Count > 0 && s.OwnTermsId is not null).Select(OwnTopic).ToList();
        Detector = new MentionDetector(own.Count == 0 ? catalogue : [.. catalogue, .. own]);
    }

    public string Version { get; }

    public IReadOnlyList<Subscription> Subscriptions { get; }

    public IMentionDetector Detector { get; }

    /// <summary>The active subscriptions an alert on this topic, source and language goes to.</summary>
    public IEnumerable<Subscription> RecipientsOf(string topicId, string sourceId, string? language) =>
        Subscriptions.Where(s => s.IsActive && s.Wants(topicId, sourceId, language));

    /// <summary>Whether a topic is from the catalogue, and so may be shown to anyone; own terms never are.</summary>
    public bool IsPublic(string topicId) => _catalogue.Contains(topicId);

    /// <summary>One scan of <paramref name="currentText"/> for catalogue and own terms, split into what is public and what is not.</summary>
    public SplitDetection Detect(string? previousText, string currentText)
    {
        var all = Detector.Match(currentText);
        var result = MentionDetector.Novel(previousText, currentText, all);
        // One pass over what can be thousands of private matches; a first version's new mentions are all of them.
        var (publicNew, privateNew) = (new List<Mention>(), new List<Mention>(result.NewMentions.Count));
        foreach (var mention in result.NewMentions) (IsPublic(mention.TopicId) ? publicNew : privateNew).Add(mention);
        var topics = ReferenceEquals(result.NewMentions, all) ? ArchivePublisher.TopicIds(publicNew) : PublicTopicIds(all);
        return new SplitDetection(result with { NewMentions = publicNew }, topics, privateNew);
    }

    /// <summary>The catalogue topics a text mentions, in order.</summary>
    public IReadOnlyList<string> PublicTopicIds(string text) => PublicTopicIds(Detector.Match(text));

    private IReadOnlyList<string> PublicTopicIds(IEnumerable<Mention> mentions) =>
        ArchivePublisher.TopicIds(mentions.Where(m => IsPublic(m.TopicId)));

    /// <summary>A subscriber's own terms as a topic of its own, so alerts on them reach that subscriber only.</summary>
    public static Topic OwnTopic(Subscription subscription)
    {
        var name = string.Join(" / ", subscription.Terms);
        if (name.Length > MaxOwnTopicName) name = string.Concat(name.AsSpan(0, MaxOwnTopicName - 1), "…");
        return new Topic(subscription.OwnTopicId ?? throw new ArgumentException("The subscription's own terms have no id yet.", nameof(subscription)), name, subscription.Terms);
    }
}
