namespace MinistryMonitor.Core.Detection;

/// <summary>One place in a text where a topic is mentioned.</summary>
/// <param name="Term">The configured term that matched.</param>
/// <param name="MatchedText">The text as written in the statement.</param>
/// <param name="Start">Offset of the match in the statement text (UTF-16 code units).</param>
/// <param name="Snippet">The sentence around the match.</param>
/// <param name="Paragraph">Zero-based index of the paragraph ("\n\n"-separated) holding the match.</param>
public sealed record Mention(
    string TopicId,
    string TopicName,
    string Term,
    string MatchedText,
    int Start,
    int Length,
    string Snippet,
    int Paragraph);
