using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Sources;

namespace MinistryMonitor.Core.Configuration;

/// <summary>The three operator files, loaded and cross-checked once at start-up.</summary>
public sealed class MonitorConfiguration
{
    private readonly Dictionary<string, Source> _sources;
    private readonly ILookup<string, Subscriber> _subscribersByTopic;

    public MonitorConfiguration(IReadOnlyList<Source> sources, IReadOnlyList<Topic> topics, IReadOnlyList<Subscriber> subscribers)
    {
        Sources = sources;
        Topics = topics;
        Subscribers = subscribers;
        _sources = sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _subscribersByTopic = subscribers.SelectMany(s => s.Topics.Select(t => (Topic: t, Subscriber: s))).ToLookup(p => p.Topic, p => p.Subscriber, StringComparer.Ordinal);
    }

    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<Topic> Topics { get; }
    public IReadOnlyList<Subscriber> Subscribers { get; }

    public static MonitorConfiguration Load(string sourcesPath, string topicsPath, string subscriptionsPath)
    {
        var sources = SourceCatalog.Load(sourcesPath);
        var topics = TopicCatalog.Load(topicsPath);
        // Subscriptions live in Table Storage; the file, when present, is imported once (SubscriptionImporter).
        var subscribers = File.Exists(subscriptionsPath)
            ? SubscriptionCatalog.Load(subscriptionsPath, topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal))
            : [];
        return new MonitorConfiguration(sources, topics, subscribers);
    }

    /// <summary>The source a queued message refers to; a message for a source since removed from the file is an error worth seeing.</summary>
    public Source GetSource(string sourceId) =>
        _sources.TryGetValue(sourceId, out var source)
            ? source
            : throw new KeyNotFoundException($"Source '{sourceId}' is not in the sources file (removed since the message was queued?).");

    public IEnumerable<Subscriber> SubscribersOf(string topicId) => _subscribersByTopic[topicId];
}
