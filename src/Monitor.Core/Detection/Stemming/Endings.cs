using System.Collections.Frozen;

namespace MinistryMonitor.Core.Detection.Stemming;

/// <summary>
/// One of a Snowball stemmer's lists of endings (its "among"), grouped by last letter and longest first, so finding
/// the longest ending a word has looks only at the few that end like the word.
/// </summary>
internal sealed class Endings
{
    private readonly FrozenDictionary<char, string[]> byLastLetter;

    public Endings(params IEnumerable<string> endings)
    {
        byLastLetter = endings
            .Distinct(StringComparer.Ordinal)
            .GroupBy(ending => ending[^1])
            .ToFrozenDictionary(group => group.Key, group => group.OrderByDescending(ending => ending.Length).ToArray());
    }

    /// <summary>The endings that end with <paramref name="letter"/>, longest first.</summary>
    public ReadOnlySpan<string> EndingIn(char letter) => byLastLetter.TryGetValue(letter, out var endings) ? endings : [];
}
