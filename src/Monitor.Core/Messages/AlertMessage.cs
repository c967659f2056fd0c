namespace MinistryMonitor.Core.Messages;

/// <summary>
/// The alert pushed to the <c>alerts</c> queue: one per topic and statement version (<see cref="Kind"/> "mention"),
/// or one per statement that was withdrawn or came back (<see cref="Kind"/> "withdrawn" or "restored", since schema
/// version 2: <see cref="TopicId"/> and <see cref="TopicName"/> are empty, <see cref="Topics"/> lists the topics the
/// statement mentioned, <see cref="Reason"/> says what was seen, <see cref="RaisedAt"/> is when).
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
    DateTimeOffset RaisedAt,
    string Kind = AlertMessage.MentionKind,
    IReadOnlyList<string>? Topics = null,
    string? Reason = null)
{
    public const int CurrentSchemaVersion = 2;

    /// <summary>A topic newly mentioned (the only kind in schema version 1).</summary>
    public const string MentionKind = "mention";

    /// <summary>The statement's page is gone (404, 410) or redirects to a listing or home page.</summary>
    public const string WithdrawnKind = "withdrawn";

    /// <summary>A withdrawn statement's page answers again.</summary>
    public const string RestoredKind = "restored";

    /// <summary>Whether this is about a statement (withdrawn or restored) rather than a topic mention.</summary>
    public bool IsStatementEvent => Kind is WithdrawnKind or RestoredKind;
}

/// <summary>A mention as shown to subscribers: the words as written and the sentence around them.</summary>
public sealed record AlertMention(string MatchedText, string Snippet, int Paragraph);
