using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Diffing;

namespace MinistryMonitor.Core.Tests.Detection;

public class DetectNoveltyTests
{
    private static readonly MentionDetector Detector = new([
        new Topic("lachin", "Lachin corridor", ["Lachin corridor", "Лачинский коридор"]),
        new Topic("peace", "Peace treaty", ["peace treaty"]),
        new Topic("border", "Border delimitation", ["border NEAR/3 delimitation"]),
    ]);

    private const string Original =
        "The ministers met in Moscow.\n\n" +
        "They discussed the Lachin corridor. The situation remains tense.\n\n" +
        "Work on a peace treaty continues.";

    [Fact]
    public void Detect_FirstVersion_AllMentionsAreNew()
    {
        var result = Detector.Detect(null, Original);

        Assert.True(result.Diff.IsFirstVersion);
        Assert.Equal(Detector.Match(Original), result.NewMentions);
        Assert.Equal(2, result.NewMentions.Count);
    }

    [Fact]
    public void Detect_UnchangedRefetch_NoNewMentionsAndNoChanges()
    {
        var result = Detector.Detect(Original, new string(Original.AsSpan()));

        Assert.Empty(result.NewMentions);
        Assert.Empty(result.Diff.Changes);
        Assert.False(result.Diff.IsFirstVersion);
    }

    [Fact]
    public void Detect_RewrappedWhitespace_NoNewMentions()
    {
        var rewrapped = Original.Replace("discussed the Lachin corridor", "discussed the Lachin\ncorridor", StringComparison.Ordinal).Replace(". ", ".  ", StringComparison.Ordinal);

        var result = Detector.Detect(Original, rewrapped);

        Assert.Empty(result.NewMentions);
        Assert.Empty(result.Diff.Changes);
    }

    [Fact]
    public void Detect_MovedParagraph_NoNewMentions()
    {
        var paragraphs = Original.Split("\n\n");
        var moved = string.Join("\n\n", paragraphs[2], paragraphs[0], paragraphs[1]);

        var result = Detector.Detect(Original, moved);

        Assert.Equal(2, Detector.Match(moved).Count);
        Assert.Empty(result.NewMentions);
    }

    [Fact]
    public void Detect_SentenceMovedToOtherParagraph_NoNewMentions()
    {
        var edited = "The ministers met in Moscow. They discussed the Lachin corridor.\n\nThe situation remains tense.\n\nWork on a peace treaty continues.";

        Assert.Empty(Detector.Detect(Original, edited).NewMentions);
    }

    [Fact]
    public void Detect_AddedParagraph_OnlyItsMentionsAreNew()
    {
        var edited = Original + "\n\nThe Lachin corridor must reopen.";

        var result = Detector.Detect(Original, edited);

        var mention = Assert.Single(result.NewMentions);
        Assert.Equal(edited.LastIndexOf("Lachin", StringComparison.Ordinal), mention.Start);
        var change = Assert.Single(result.Diff.Changes);
        Assert.Equal("added", change.Kind);
        Assert.Equal("The Lachin corridor must reopen.", change.NewText);
    }

    [Fact]
    public void Detect_SentenceAddedToParagraph_OnlyThatSentenceIsNew()
    {
        var edited = Original.Replace("The situation remains tense.", "The situation remains tense. A peace treaty was mentioned too.", StringComparison.Ordinal);

        var result = Detector.Detect(Original, edited);

        var mention = Assert.Single(result.NewMentions);
        Assert.Equal("peace", mention.TopicId);
        Assert.Equal(edited.IndexOf("A peace treaty", StringComparison.Ordinal) + 2, mention.Start);
        Assert.Contains(result.Diff.Changes, c => c is { Kind: "changed", Level: "paragraph" });
        Assert.Contains(result.Diff.Changes, c => c is { Kind: "added", Level: "sentence", NewText: "A peace treaty was mentioned too." });
    }

    [Fact]
    public void Detect_WordsChangedInSentence_OnlyMentionsInChangedWordsAreNew()
    {
        // The edit touches the sentence that already named the corridor: that mention is not new, the inserted phrase is.
        var edited = Original.Replace("They discussed the Lachin corridor.", "They discussed the Lachin corridor and the border delimitation.", StringComparison.Ordinal);

        var result = Detector.Detect(Original, edited);

        var mention = Assert.Single(result.NewMentions);
        Assert.Equal("border", mention.TopicId);
        var change = Assert.Single(result.Diff.Changes, c => c.Level == "sentence");
        Assert.Equal("changed", change.Kind);
        Assert.Equal("They discussed the Lachin corridor.", change.OldText);
    }

    [Fact]
    public void Detect_PhraseCompletedByEdit_IsNew()
    {
        var old = "They discussed the Lachin road.";
        var edited = "They discussed the Lachin corridor.";

        var mention = Assert.Single(Detector.Detect(old, edited).NewMentions);

        Assert.Equal("Lachin corridor", mention.MatchedText);
    }

    [Fact]
    public void Detect_RemovedParagraph_RecordedAndNoNewMentions()
    {
        var edited = Original.Replace("\n\nWork on a peace treaty continues.", "", StringComparison.Ordinal);

        var result = Detector.Detect(Original, edited);

        Assert.Empty(result.NewMentions);
        var change = Assert.Single(result.Diff.Changes);
        Assert.Equal("removed", change.Kind);
        Assert.Equal("Work on a peace treaty continues.", change.OldText);
        Assert.Null(change.NewStart);
    }

    [Fact]
    public void Detect_ParagraphRewrittenInPlace_IsChangedAndItsMentionsNew()
    {
        var edited = Original.Replace("They discussed the Lachin corridor. The situation remains tense.", "Лачинский коридор должен быть открыт.", StringComparison.Ordinal);

        var result = Detector.Detect(Original, edited);

        Assert.Equal("Лачинский коридор", Assert.Single(result.NewMentions).MatchedText);
        var change = Assert.Single(result.Diff.Changes, c => c.Level == "paragraph");
        Assert.Equal("changed", change.Kind);
        Assert.StartsWith("They discussed", change.OldText, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Diff_SerialisesAsPlainJson()
    {
        var result = Detector.Detect(Original, Original + "\n\nNew text.");

        var json = System.Text.Json.JsonSerializer.Serialize(result.Diff);
        var back = System.Text.Json.JsonSerializer.Deserialize<StatementDiff>(json)!;

        Assert.Equal(result.Diff.Changes, back.Changes);
    }
}
