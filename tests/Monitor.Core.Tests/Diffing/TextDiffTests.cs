using MinistryMonitor.Core.Diffing;

namespace MinistryMonitor.Core.Tests.Diffing;

public class TextDiffTests
{
    private const string Briefing =
        "The ministers met in Geneva. They discussed the Lachin corridor. Both sides agreed to meet again.\n\n" +
        "The talks will continue next month.";

    [Fact]
    public void Compare_OneWordReplaced_MarksExactlyThatWord()
    {
        var diff = TextDiff.Compare(Briefing, Briefing.Replace("Geneva", "Vienna", StringComparison.Ordinal));

        var marked = Marked(diff);
        Assert.Equal([(DiffRunKind.Deleted, "Geneva"), (DiffRunKind.Inserted, "Vienna")], marked);
        var sentence = Assert.Single(diff.Changes.Changes, c => c.Level == "sentence");
        Assert.Equal(("changed", "The ministers met in Geneva.", "The ministers met in Vienna."), (sentence.Kind, sentence.OldText, sentence.NewText));
    }

    [Fact]
    public void Compare_OneWordReplaced_OnlyThatWordIsFresh()
    {
        var newer = Briefing.Replace("Geneva", "Vienna", StringComparison.Ordinal);

        var diff = TextDiff.Compare(Briefing, newer);

        var vienna = newer.IndexOf("Vienna", StringComparison.Ordinal);
        Assert.True(diff.IsFresh(vienna, vienna + 6));
        Assert.False(diff.IsFresh(0, vienna));
        Assert.False(diff.IsFresh(vienna + 6, newer.Length));
    }

    [Fact]
    public void Compare_WordInserted_ReadsWithItsSpaces()
    {
        var diff = TextDiff.Compare("The talks will continue.", "The talks will surely continue.");

        Assert.Equal("The talks will [+surely] continue.", Render(diff));
    }

    [Fact]
    public void Compare_WordDeleted_StandsWhereItWasWithItsSpaces()
    {
        Assert.Equal("The talks will [-surely] continue.", Render(TextDiff.Compare("The talks will surely continue.", "The talks will continue.")));
        Assert.Equal("The talks will continue [-soon].", Render(TextDiff.Compare("The talks will continue soon.", "The talks will continue.")));
    }

    [Fact]
    public void Compare_SentenceAdded_IsOneInsertedRunAndFresh()
    {
        var newer = Briefing.Replace("Both sides", "A new sentence appears. Both sides", StringComparison.Ordinal);

        var diff = TextDiff.Compare(Briefing, newer);

        Assert.Equal([(DiffRunKind.Inserted, "A new sentence appears.")], Marked(diff));
        Assert.Contains(diff.Changes.Changes, c => c is { Kind: "added", Level: "sentence", NewText: "A new sentence appears." });
        var start = newer.IndexOf("A new", StringComparison.Ordinal);
        Assert.True(diff.IsFresh(start, start + 5));
    }

    [Fact]
    public void Compare_SentenceRemoved_IsOneDeletedRunAndNothingFresh()
    {
        var newer = Briefing.Replace(" They discussed the Lachin corridor.", "", StringComparison.Ordinal);

        var diff = TextDiff.Compare(Briefing, newer);

        Assert.Equal([(DiffRunKind.Deleted, "They discussed the Lachin corridor.")], Marked(diff));
        Assert.Equal("The ministers met in Geneva. [-They discussed the Lachin corridor.] Both sides agreed to meet again.", Render(diff).Split('\n')[0]);
        Assert.False(diff.IsFresh(0, newer.Length));
    }

    [Fact]
    public void Compare_SentencesReordered_NothingMarkedOrFresh()
    {
        var newer = "Both sides agreed to meet again. The ministers met in Geneva. They discussed the Lachin corridor.\n\nThe talks will continue next month.";

        var diff = TextDiff.Compare(Briefing, newer);

        Assert.Empty(Marked(diff));
        Assert.False(diff.IsFresh(0, newer.Length));
    }

    [Fact]
    public void Compare_ParagraphsReorderedAndOneAdded_OnlyTheAddedParagraphIsMarked()
    {
        var newer = "The talks will continue next month.\n\nA closing remark.\n\n" + Briefing.Split("\n\n")[0];

        var diff = TextDiff.Compare(Briefing, newer);

        Assert.Equal([(DiffRunKind.Inserted, "A closing remark.")], Marked(diff));
        Assert.Equal(["added"], diff.Changes.Changes.Select(c => c.Kind));
        Assert.Equal(3, diff.Paragraphs.Count);
    }

    [Fact]
    public void Compare_ParagraphRemoved_IsDeletedWhereItWas()
    {
        var diff = TextDiff.Compare("One.\n\nTwo gone.\n\nThree.", "One.\n\nThree.");

        Assert.Equal("One.\n[-Two gone.]\nThree.", Render(diff));
        Assert.Equal(("removed", "Two gone.", null), (diff.Changes.Changes.Single().Kind, diff.Changes.Changes.Single().OldText, diff.Changes.Changes.Single().NewStart));
    }

    [Fact]
    public void Compare_RewrappedAndRecapitalised_NothingMarked()
    {
        var diff = TextDiff.Compare("His holiness the dalai lama\nspoke.", "His Holiness the Dalai Lama spoke.");

        Assert.Empty(Marked(diff));
        Assert.False(diff.IsFresh(0, 34));
    }

    [Fact]
    public void Compare_PunctuationChanged_MarksTheMark()
    {
        Assert.Equal("Yes[-,] we agree.", Render(TextDiff.Compare("Yes, we agree.", "Yes we agree.")));
    }

    [Fact]
    public void Compare_NewTextRebuiltFromKeptAndInsertedRuns()
    {
        var older = "Alpha beta gamma. Delta epsilon.\n\nZeta eta theta iota.\n\nKappa.";
        var newer = "Alpha gamma beta. Delta new epsilon! Another one.\n\nZeta theta iota kappa.\n\nLambda.";

        var diff = TextDiff.Compare(older, newer);

        Assert.Equal(newer.Split("\n\n"), diff.Paragraphs.Select(NewTextOf));
    }

    [Fact]
    public void Compare_HostileSentencesSharingNothing_WorkGrowsLinearly()
    {
        // One "sentence" of n words against n other words: Myers would need n² steps; the budget replaces it whole.
        var (small, large) = (Hostile(20_000), Hostile(40_000));

        Assert.True(small.Steps <= 200L * small.Chars, $"{small.Steps} steps for {small.Chars} chars");
        Assert.True(large.Steps <= 200L * large.Chars, $"{large.Steps} steps for {large.Chars} chars");
        Assert.True(large.Steps <= 2.5 * small.Steps, $"doubling the input took {large.Steps} steps after {small.Steps}");
    }

    [Fact]
    public void Compare_HostileManySmallSentencesAllRewritten_WorkGrowsLinearly()
    {
        static (long Steps, int Chars) Run(int sentences)
        {
            var older = string.Join(" ", Enumerable.Range(0, sentences).Select(i => $"Old sentence number {i} says a thing."));
            var newer = string.Join(" ", Enumerable.Range(0, sentences).Select(i => $"New remark {i * 7} tells another story."));
            return (TextDiff.Compare(older, newer).Steps, older.Length + newer.Length);
        }
        var (small, large) = (Run(2_000), Run(4_000));

        Assert.True(large.Steps <= 200L * large.Chars, $"{large.Steps} steps for {large.Chars} chars");
        Assert.True(large.Steps <= 2.5 * small.Steps, $"doubling the input took {large.Steps} steps after {small.Steps}");
    }

    [Fact]
    public void Compare_HostileSentence_IsReplacedWhole()
    {
        var older = string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"w{i}"));
        var newer = string.Join(' ', Enumerable.Range(0, 5_000).Select(i => i % 2 == 0 ? $"w{i}" : $"x{i}"));

        var diff = TextDiff.Compare(older, newer);

        // 2,500 edits are more than the budget finds exactly: the sentence is deleted and inserted whole.
        Assert.Equal([DiffRunKind.Deleted, DiffRunKind.Inserted], Marked(diff).Select(m => m.Kind));
    }

    private static (long Steps, int Chars) Hostile(int words)
    {
        var older = string.Join(' ', Enumerable.Range(0, words).Select(i => $"a{i}"));
        var newer = string.Join(' ', Enumerable.Range(0, words).Select(i => $"b{i}"));
        return (TextDiff.Compare(older, newer).Steps, older.Length + newer.Length);
    }

    internal static List<(DiffRunKind Kind, string Text)> Marked(VersionDiff diff) =>
        diff.Paragraphs.SelectMany(p => p.Runs).Where(r => r.Kind != DiffRunKind.Same).Select(r => (r.Kind, r.Text)).ToList();

    internal static string NewTextOf(DiffParagraph paragraph) =>
        string.Concat(paragraph.Runs.Where(r => r.NewStart >= 0).Select(r => r.Text));

    /// <summary>Paragraphs on lines, insertions as [+…], deletions as [-…].</summary>
    private static string Render(VersionDiff diff) =>
        string.Join("\n", diff.Paragraphs.Select(p => string.Concat(p.Runs.Select(r => r.Kind switch
        {
            DiffRunKind.Inserted => $"[+{r.Text}]",
            DiffRunKind.Deleted => $"[-{r.Text}]",
            _ => r.Text,
        }))));
}
