using MinistryMonitor.Core.Storage;
using MinistryMonitor.Web.Operators;

namespace MinistryMonitor.Web.Tests.Units;

public sealed class LogCyclesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static IngestionEntry Row(string source, int minute, string kind, IngestionOutcome outcome = IngestionOutcome.Ok, int fresh = 0, int changed = 0) =>
        new(source, kind, new Uri($"https://{source}.example/{kind}/{minute}"), Start.AddMinutes(minute), outcome, 200, 10, 1, fresh, changed,
            TimeSpan.FromMilliseconds(5), null);

    [Fact]
    public void Group_InterleavedSources_OneCycleFromEachDiscoveryToTheNext()
    {
        var rows = new[]
        {
            Row("a", 0, "discover", fresh: 2), Row("b", 1, "discover"), Row("a", 2, "page"), Row("b", 3, "page", IngestionOutcome.HttpError),
            Row("a", 4, "catch-up 2", fresh: 1), Row("a", 10, "discover", IngestionOutcome.NotModified), Row("a", 11, "recheck", IngestionOutcome.Withdrawn),
        };

        var cycles = LogCycles.Group(rows.Reverse());

        Assert.Equal([("a", 10, 2), ("b", 1, 2), ("a", 0, 3)],
            cycles.Select(c => (c.SourceId, (int)(c.StartedAt - Start).TotalMinutes, c.Fetched)));
        Assert.Equal((3, 0, 0), (cycles[2].New, cycles[2].Failed, cycles[2].NotModified));
        Assert.Equal(1, cycles[1].Failed);
        Assert.Equal((1, 0), (cycles[0].NotModified, cycles[0].Failed));
        // Rows newest first inside a cycle, as the log lists them.
        Assert.Equal(["catch-up 2", "page", "discover"], cycles[2].Entries.Select(e => e.Kind));
        Assert.All(cycles, c => Assert.False(c.Partial));
    }

    [Fact]
    public void Group_PagesBeforeTheFirstDiscoveryInTheWindow_FormAPartialCycle()
    {
        var cycles = LogCycles.Group([Row("a", 0, "page"), Row("a", 1, "page", IngestionOutcome.Blocked), Row("a", 5, "discover")]);

        Assert.Equal(2, cycles.Count);
        Assert.False(cycles[0].Partial);
        Assert.True(cycles[1].Partial);
        Assert.Equal((2, 1, 1), (cycles[1].Fetched, cycles[1].Failed, cycles[1].Blocked));
    }

    [Theory]
    [InlineData(IngestionOutcome.NotModified, OutcomeKind.Neutral)]
    [InlineData(IngestionOutcome.Robots, OutcomeKind.Neutral)]
    [InlineData(IngestionOutcome.Ok, OutcomeKind.Success)]
    [InlineData(IngestionOutcome.Blocked, OutcomeKind.Blocked)]
    [InlineData(IngestionOutcome.HttpError, OutcomeKind.Failure)]
    [InlineData(IngestionOutcome.NetworkError, OutcomeKind.Failure)]
    [InlineData(IngestionOutcome.InvalidContent, OutcomeKind.Failure)]
    [InlineData(IngestionOutcome.Refused, OutcomeKind.Failure)]
    [InlineData(IngestionOutcome.Withdrawn, OutcomeKind.Notice)]
    public void OutcomeMeaning_Outcome_ColouredByWhatItMeans(IngestionOutcome outcome, OutcomeKind kind) =>
        Assert.Equal(kind, OutcomeMeaning.Of(outcome));
}
