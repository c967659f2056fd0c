namespace MinistryMonitor.Core.Detection;

/// <summary>A tracked topic: an id subscribers refer to, a display name and the terms that mention it.</summary>
/// <param name="Terms">
/// Any one of these mentions the topic. A term is a phrase ("Lachin corridor"), a phrase whose last word
/// may take endings ("Laçın dəhliz*"), or a proximity pair ("border NEAR/5 delimitation"); see Detection/README.md.
/// </param>
public sealed record Topic(string Id, string Name, IReadOnlyList<string> Terms)
{
    /// <summary>Case-sensitive terms matched only as written in capitals ("CSTO", "OSCE", "ОДКБ").</summary>
    public IReadOnlyList<string> Acronyms { get; init; } = [];

    /// <summary>A mention inside one of these phrases does not count ("Lachin district court").</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>
    /// AND of OR-groups: a mention counts only when every group has a term within <see cref="Scope"/> of it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> RequireAll { get; init; } = [];

    /// <summary>Where the <see cref="RequireAll"/> groups must be found, relative to the mention.</summary>
    public MatchScope Scope { get; init; } = MatchScope.Paragraph;

    /// <summary>The part of the world the topic belongs to ("South Caucasus"); the subscribe form groups topics by it.</summary>
    public string Region { get; init; } = DefaultRegion;

    /// <summary>The group of topics whose catalogue entry names no region.</summary>
    public const string DefaultRegion = "Other topics";
}

/// <summary>How far from a mention the required groups of a topic may be.</summary>
public enum MatchScope
{
    Sentence,
    Paragraph,
    Statement,
}
