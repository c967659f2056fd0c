using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Alerts;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Tests.Fakes;

namespace MinistryMonitor.Core.Tests.Alerts;

public sealed class AlertRaiserTests
{
    private static readonly Source Source = new("mfa", "MFA", "en", new Uri("https://mfa.example/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(15));
    private static readonly StatementRecord Record = new("mfa", "s1", "guid-1", new Uri("https://mfa.example/1"), "On transport", null,
        "mfa/2023/07/25/on-transport-1", 1, "t", "r", 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
    private static readonly Mention[] Mentions = [new("lachin-corridor", "Lachin corridor", "Lachin corridor", "Lachin corridor", 0, 15, "The Lachin corridor must reopen.", 0)];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAlertLedger _ledger = new();

    private AlertRaiser Stage(IMessageQueue queue) => new(queue, _ledger, _time, NullLogger<AlertRaiser>.Instance);

    [Fact]
    public async Task RaiseAsync_CrashBetweenRecordAndQueue_RetrySendsTheSameAlertOnceMore()
    {
        await Assert.ThrowsAsync<IOException>(() => Stage(new FailingQueue()).RaiseAsync(Source, Record, 1, Mentions, CancellationToken.None));
        var recorded = Assert.Single(_ledger.Alerts.Values);
        Assert.False(await _ledger.IsEnqueuedAsync(recorded.AlertId, CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(5));
        var queue = new RecordingQueue();
        await Stage(queue).RaiseAsync(Source, Record, 1, Mentions, CancellationToken.None);

        var sent = Assert.Single(queue.On<AlertMessage>(QueueNames.Alerts));
        Assert.Equal((recorded.AlertId, recorded.RaisedAt), (sent.AlertId, sent.RaisedAt));
        Assert.True(await _ledger.IsEnqueuedAsync(recorded.AlertId, CancellationToken.None));
    }

    [Fact]
    public async Task RaiseAsync_AlreadyEnqueued_SendsNothing()
    {
        var queue = new RecordingQueue();
        await Stage(queue).RaiseAsync(Source, Record, 1, Mentions, CancellationToken.None);

        var again = await Stage(queue).RaiseAsync(Source, Record, 1, Mentions, CancellationToken.None);

        Assert.Empty(again);
        Assert.Single(queue.Sent);
    }

    private sealed class FailingQueue : IMessageQueue
    {
        public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken) => throw new IOException("connection reset");

        public Task SendAsync<T>(string queueName, T message, TimeSpan visibilityDelay, CancellationToken cancellationToken) => throw new IOException("connection reset");
    }
}
