using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>
/// One detection pass over a version, split by who may see it. <see cref="Public"/> holds catalogue topics only: it
/// is stored as the version's diff, listed, indexed and served by the API. <see cref="PrivateMentions"/> are new
/// matches of subscribers' own terms: they only become alerts, which reach their one owner.
/// </summary>
/// <param name="Public">The diff and the new mentions of catalogue topics.</param>
/// <param name="PublicTopics">The catalogue topics the whole version mentions (for listings and search), in order.</param>
/// <param name="PrivateMentions">New mentions of subscribers' own terms.</param>
public sealed record SplitDetection(DetectionResult Public, IReadOnlyList<string> PublicTopics, IReadOnlyList<Mention> PrivateMentions)
{
    /// <summary>Every new mention, for the alert stage.</summary>
    public IReadOnlyList<Mention> NewMentions => [.. Public.NewMentions, .. PrivateMentions];
}
