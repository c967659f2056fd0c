using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Infrastructure.Tests.Options;

/// <summary>The local runner's wait before a failed message's next attempt.</summary>
public sealed class RetryDelayTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(0, 2)]
    public void RetryDelayAfter_FewAttempts_DoublesFromTheRetryDelay(long attempt, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new PipelineOptions().RetryDelayAfter(attempt));

    [Fact]
    public void RetryDelayAfter_AttemptsInflatedByKilledRuns_IsCappedAtTheMaximum()
    {
        var options = new PipelineOptions { RetryDelaySeconds = 0.2, MaxRetryDelaySeconds = 3 };

        Assert.Equal(TimeSpan.FromSeconds(3), options.RetryDelayAfter(12));
        Assert.Equal(TimeSpan.FromSeconds(300), new PipelineOptions().RetryDelayAfter(60));
    }
}
