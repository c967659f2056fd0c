using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Core.Tests.Fakes;

namespace MinistryMonitor.Core.Tests.Subscriptions;

/// <summary>The delivery side wired to in-memory fakes: subscriptions, once-ledger, mail, webhooks, digest inbox.</summary>
internal sealed class SubscriptionWorld
{
    public static readonly Topic Lachin = new("lachin-corridor", "Lachin corridor", ["Lachin corridor", "Лачинский коридор"]);

    public SubscriptionWorld(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
        Once = new InMemoryOnceLedger(Time);
        Configuration = new MonitorConfiguration(
            [
                new Source("ru-mfa", "MFA of Russia", "ru", new Uri("https://mid.example/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15)),
                new Source("us-state", "U.S. State Department", "en", new Uri("https://state.example/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15)),
            ],
            [Lachin], []);
        Directory = new SubscriptionDirectory(Configuration, Store, NullLogger<SubscriptionDirectory>.Instance);
        Links = new SubscriberLinks(new Uri("https://monitor.example/"), new SubscriberTokens("test-signing-key-0123456789", Time));
        Bounces = new Bounces(Store, Queue, Time, NullLogger<Bounces>.Instance);
        Stage = new DeliverStage(Directory, Links, Mail, Webhooks, Inbox, Once, new OnceLease(TimeSpan.FromMinutes(2)), Deliveries, Blobs, Bounces, Time, NullLogger<DeliverStage>.Instance);
        Digests = new DigestStage(Directory, Inbox, Links, Mail, Webhooks, Once, Deliveries, Bounces, Time, NullLogger<DigestStage>.Instance);
    }

    public FakeTimeProvider Time { get; }
    public MonitorConfiguration Configuration { get; }
    public InMemorySubscriptionStore Store { get; } = new();
    public RecordingMailSender Mail { get; } = new();
    public RecordingWebhookSender Webhooks { get; } = new();
    public InMemoryDigestInbox Inbox { get; } = new();
    public InMemoryOnceLedger Once { get; }
    public InMemoryDeliveryLedger Deliveries { get; } = new();
    public InMemoryBlobStore Blobs { get; } = new();
    public RecordingQueue Queue { get; } = new();
    public SubscriptionDirectory Directory { get; }
    public SubscriberLinks Links { get; }
    public Bounces Bounces { get; }
    public DeliverStage Stage { get; }
    public DigestStage Digests { get; }

    public async Task<Subscription> AddAsync(string address, Func<Subscription, Subscription>? change = null)
    {
        var subscription = new Subscription { Address = address, Topics = [Lachin.Id], Status = SubscriptionStatus.Active, CreatedAt = Time.GetUtcNow() };
        if (change is not null) subscription = change(subscription);
        // As SubscriptionRules.Validate does for every subscription made through the web, the API or the CLI.
        subscription = subscription with { OwnTermsId = subscription.OwnTermsId ?? Subscription.NewOwnTermsId() };
        await Store.SaveAsync(subscription, CancellationToken.None);
        return subscription;
    }

    public static AlertMessage Alert(string id = "alert-1", string source = "ru-mfa", string topic = "lachin-corridor", bool edit = false, DateTimeOffset? raised = null) => new(
        AlertMessage.CurrentSchemaVersion, id, topic, "Lachin corridor", source, source == "ru-mfa" ? "MFA of Russia" : "U.S. State Department", "s-" + id, edit ? 2 : 1, edit,
        "On <transport> & trade", new Uri("https://mid.example/1"), new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), $"{source}/2026/03/01/x-{id}/v00{(edit ? 2 : 1)}.txt", 1,
        [new AlertMention("Lachin corridor", "Traffic through the Lachin corridor <must> resume.", 2)], raised ?? DateTimeOffset.UnixEpoch);
}
