namespace MinistryMonitor.Core.Politeness;

/// <summary>
/// Spreads the page fetches one discovery queues for a host over time with queue visibility delays, so the limit
/// holds however many instances consume the queue, with no coordination between them.
/// </summary>
public static class FetchSpacing
{
    /// <summary>
    /// The visibility delay of the <paramref name="index"/>-th page fetch of a discovery: one spacing apart, but never
    /// beyond the source's interval, by when the next discovery comes (the in-process throttle spaces any that bunch up there).
    /// </summary>
    public static TimeSpan DelayOf(int index, TimeSpan spacing, TimeSpan interval)
    {
        if (index <= 0 || spacing <= TimeSpan.Zero) return TimeSpan.Zero;
        var delay = spacing * index;
        return delay < interval ? delay : interval;
    }
}
