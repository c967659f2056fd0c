using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Stages;

public sealed class IngestionOutcomeNamesTests
{
    [Fact]
    public void ToName_EveryOutcome_IsTheNameItHasInJson()
    {
        foreach (var outcome in Enum.GetValues<IngestionOutcome>())
            Assert.Equal($"\"{outcome.ToName()}\"", PipelineJson.Serialize(outcome));
    }

    [Theory]
    [InlineData("not-modified", IngestionOutcome.NotModified)]
    [InlineData("Blocked", IngestionOutcome.Blocked)]
    [InlineData("robots", IngestionOutcome.Robots)]
    [InlineData("HttpError", IngestionOutcome.HttpError)]
    public void TryParse_NameOrEnumName_FindsTheOutcome(string name, IngestionOutcome expected)
    {
        Assert.True(IngestionOutcomeNames.TryParse(name, out var outcome));
        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void All_ListsTheNamesOperatorsType() =>
        Assert.Equal(["ok", "http-error", "network-error", "invalid-content", "blocked", "not-modified", "robots", "refused", "withdrawn", "restored"], IngestionOutcomeNames.All);
}
