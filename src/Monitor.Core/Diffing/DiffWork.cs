namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Counts the elementary steps a diff takes (cells of the edit graph visited, pairs of sentences weighed), so the
/// cost of a diff is bounded by its input's size and tests can assert that bound without a clock.
/// </summary>
public sealed class DiffWork
{
    public long Steps { get; private set; }

    internal void Spend(long steps) => Steps += steps;
}
