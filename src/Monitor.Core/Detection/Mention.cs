namespace MinistryMonitor.Core.Detection;

/// <summary>One place in a text where a topic is mentioned.</summary>
/// <remarks>
/// A detector builds its mentions with the matched text and snippet still to be cut: a statement can hold thousands of matches of
/// subscribers' terms, and an alert shows a few snippets per topic, so cutting every one would cost more than the
/// scan. <see cref="Snippet"/> is the same text either way; equality compares the values, never how they were made.
/// </remarks>
public sealed record Mention
{
    private readonly IMentionSource? source;
    private string? matchedText;
    private string? snippet;

    /// <param name="TopicId">The topic mentioned.</param>
    /// <param name="TopicName">Its display name.</param>
    /// <param name="Term">The configured term that matched.</param>
    /// <param name="MatchedText">The text as written in the statement.</param>
    /// <param name="Start">Offset of the match in the statement text (UTF-16 code units).</param>
    /// <param name="Length">Length of the match.</param>
    /// <param name="Snippet">The sentence around the match.</param>
    /// <param name="Paragraph">Zero-based index of the paragraph ("\n\n"-separated) holding the match.</param>
    public Mention(string TopicId, string TopicName, string Term, string MatchedText, int Start, int Length, string Snippet, int Paragraph)
    {
        ArgumentNullException.ThrowIfNull(MatchedText);
        ArgumentNullException.ThrowIfNull(Snippet);
        (this.TopicId, this.TopicName, this.Term, this.Start, this.Length, this.Paragraph) = (TopicId, TopicName, Term, Start, Length, Paragraph);
        matchedText = MatchedText;
        snippet = Snippet;
    }

    /// <summary>A mention whose matched text and snippet are cut from <paramref name="source"/> when first read.</summary>
    internal Mention(string topicId, string topicName, string term, int start, int length, int paragraph, IMentionSource source)
    {
        TopicId = topicId;
        TopicName = topicName;
        Term = term;
        Start = start;
        Length = length;
        Paragraph = paragraph;
        this.source = source;
    }

    // A copy made with `with` keeps the original's snippet, even if it moves Start or Length.
    private Mention(Mention original)
    {
        (TopicId, TopicName, Term, Start, Length, Paragraph) =
            (original.TopicId, original.TopicName, original.Term, original.Start, original.Length, original.Paragraph);
        matchedText = original.MatchedText;
        snippet = original.Snippet;
    }

    public string TopicId { get; init; }

    public string TopicName { get; init; }

    /// <summary>The configured term that matched.</summary>
    public string Term { get; init; }

    /// <summary>The text as written in the statement.</summary>
    public string MatchedText
    {
        get => matchedText ??= source!.Text.Substring(Start, Length);
        init => matchedText = value;
    }

    /// <summary>Offset of the match in the statement text (UTF-16 code units).</summary>
    public int Start { get; init; }

    public int Length { get; init; }

    /// <summary>The sentence around the match.</summary>
    public string Snippet
    {
        // Two threads may both cut it: they cut the same string, so the race is harmless.
        get => snippet ??= source!.Snippet(Start, Start + Length);
        init => snippet = value;
    }

    /// <summary>Zero-based index of the paragraph ("\n\n"-separated) holding the match.</summary>
    public int Paragraph { get; init; }

    public bool Equals(Mention? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Start == other.Start && Length == other.Length && Paragraph == other.Paragraph
                && TopicId == other.TopicId && TopicName == other.TopicName && Term == other.Term
                && MatchedText == other.MatchedText && Snippet == other.Snippet));

    public override int GetHashCode() => HashCode.Combine(TopicId, TopicName, Term, MatchedText, Start, Length, Snippet, Paragraph);

    public void Deconstruct(out string topicId, out string topicName, out string term, out string matchedText, out int start, out int length, out string snippet, out int paragraph)
    {
        (topicId, topicName, term, matchedText, start, length, snippet, paragraph) = (TopicId, TopicName, Term, MatchedText, Start, Length, Snippet, Paragraph);
    }
}

/// <summary>The text a mention was found in, to cut its matched text and snippet from (see <see cref="Mention.Snippet"/>).</summary>
internal interface IMentionSource
{
    string Text { get; }

    string Snippet(int start, int end);
}
