using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Sources;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Tests.Fakes;

namespace MinistryMonitor.Core.Tests.Stages;

public sealed class ScheduleStageTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingQueue _queue = new();
    private readonly ScheduleStage _stage;

    public ScheduleStageTests()
    {
        var configuration = new MonitorConfiguration(
        [
            Source("every-15", 15),
            Source("hourly", 60),
            Source("disabled", 15) with { Enabled = false },
        ], [], []);
        _stage = new ScheduleStage(configuration, new InMemorySourceState(), _queue, _time, NullLogger<ScheduleStage>.Instance);
    }

    [Fact]
    public async Task ScheduleDueAsync_FirstTick_QueuesEveryEnabledSource()
    {
        var scheduled = await _stage.ScheduleDueAsync(force: false, CancellationToken.None);

        Assert.Equal(["every-15", "hourly"], scheduled);
        Assert.Equal(["every-15", "hourly"], _queue.On<DiscoverRequest>(QueueNames.Discover).Select(r => r.SourceId));
    }

    [Fact]
    public async Task ScheduleDueAsync_LaterTicks_QueueEachSourceWhenItsIntervalHasPassed()
    {
        await _stage.ScheduleDueAsync(false, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await _stage.ScheduleDueAsync(false, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(["every-15"], await _stage.ScheduleDueAsync(false, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(["every-15", "hourly"], await _stage.ScheduleDueAsync(false, CancellationToken.None));
    }

    [Fact]
    public async Task ScheduleDueAsync_Forced_QueuesEnabledSourcesEvenIfNotDue()
    {
        await _stage.ScheduleDueAsync(false, CancellationToken.None);

        Assert.Equal(["every-15", "hourly"], await _stage.ScheduleDueAsync(force: true, CancellationToken.None));
    }

    private static Source Source(string id, int minutes) =>
        new(id, id, "en", new Uri($"https://{id}.example/feed"), null, ExtractionSelectors.None, TimeSpan.FromMinutes(minutes));
}
