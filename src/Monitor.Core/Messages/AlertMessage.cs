namespace Monitor.Core.Messages;

/// <summary>
/// The alert pushed to the <c>alerts</c> queue: one per topic and statement version.
/// Versioned because consumers outside this repository read it; add fields, never change their meaning.
/// </summary>
public sealed record AlertMessage(
    int SchemaVersion,
    string AlertId,
    string TopicId,
    string TopicName,
    string SourceId,
    string SourceName,
    string StatementId,
    int Version,
    bool IsEdit,
    string? Title,
    Uri Url,
    DateTimeOffset? Published,
    string TextBlob,
    int MentionCount,
    IReadOnlyList<AlertMention> Mentions,
    DateTimeOffset RaisedAt)
{
    public const int CurrentSchemaVersion = 1;
}

/// <summary>A mention as shown to subscribers: the words as written and the sentence around them.</summary>
public sealed record AlertMention(string MatchedText, string Snippet, int Paragraph);
