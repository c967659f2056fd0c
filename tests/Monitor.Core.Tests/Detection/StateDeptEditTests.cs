using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

/// <summary>Real edits of published State Department statements: only what the edit inserted or changed is new.</summary>
public class StateDeptEditTests
{
    private const string TigrayBriefing = "https://www.state.gov/?post_type=state_briefing&p=262710";
    private const string DalaiLamaBriefing = "https://www.state.gov/?post_type=state_briefing&p=257522";
    private const string TravelSchedule = "https://www.state.gov/?page_id=256504";

    [Fact]
    public void Detect_WordReplacedInBriefing_OnlyTheReplacedPhraseIsNew()
    {
        // "attacks and intimidation against Eritrean forces" became "... against Eritrean refugees".
        var edit = StateDeptFeed.EditOf(TigrayBriefing, "0560", "0561");
        var detector = new MentionDetector([
            new Topic("eritrean-refugees", "Eritrean refugees", ["Eritrean refugees"]),
            new Topic("tigray", "Tigray", ["Tigray", "Тыграй"]),
        ]);

        var result = detector.Detect(edit.OldText, edit.NewText);

        Assert.Contains(detector.Match(edit.OldText), m => m.TopicId == "tigray");
        var fresh = Assert.Single(result.NewMentions);
        Assert.Equal("eritrean-refugees", fresh.TopicId);
        Assert.Contains("intimidation against Eritrean refugees", fresh.Snippet, StringComparison.Ordinal);
        Assert.Contains(result.Diff.Changes, c => c.Level == "sentence" && c.Kind == "changed" && c.OldText!.Contains("Eritrean forces", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_MisspellingCorrected_NewOnlyWhereTheNameWasFixed()
    {
        // The edit fixed "Dali Lama" and re-capitalised "his holiness the dalai lama"; a case change is not news.
        var edit = StateDeptFeed.EditOf(DalaiLamaBriefing, "0375", "0376");
        var detector = new MentionDetector([new Topic("dalai-lama", "Dalai Lama", ["Dalai Lama", "Далай-лама"])]);

        var all = detector.Match(edit.NewText);
        var result = detector.Detect(edit.OldText, edit.NewText);

        Assert.Equal(2, all.Count);
        var fresh = Assert.Single(result.NewMentions);
        Assert.Contains("tangential", fresh.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_PlaceNameCompleted_NewNameIsNewRestIsNot()
    {
        // "travel to Ohrid, Macedonia" became "travel to Ohrid, North Macedonia".
        var edit = StateDeptFeed.EditOf(TravelSchedule, "0342", "0343");
        var detector = new MentionDetector([
            new Topic("north-macedonia", "North Macedonia", ["North Macedonia", "Северная Македония"]),
            new Topic("reeker", "Philip Reeker", ["Reeker"]),
            new Topic("ohrid", "Ohrid", ["Ohrid"]),
        ]);

        var result = detector.Detect(edit.OldText, edit.NewText);

        Assert.Contains(detector.Match(edit.NewText), m => m.TopicId == "reeker");
        Assert.Contains(detector.Match(edit.NewText), m => m.TopicId == "ohrid");
        Assert.Equal(["north-macedonia"], result.NewMentions.Select(m => m.TopicId));
    }

    [Fact]
    public void Detect_RefetchOfEditedItem_NothingNew()
    {
        var edit = StateDeptFeed.EditOf(TigrayBriefing, "0560", "0561");
        var detector = new MentionDetector([new Topic("tigray", "Tigray", ["Tigray"]), new Topic("eritrean-refugees", "Eritrean refugees", ["Eritrean refugees"])]);

        var result = detector.Detect(edit.NewText, edit.NewText);

        Assert.NotEmpty(detector.Match(edit.NewText));
        Assert.Empty(result.NewMentions);
    }

    [Fact]
    public void Detect_ParagraphOfRealBriefingMoved_NothingNew()
    {
        var text = StateDeptFeed.ItemText("0561", TigrayBriefing);
        var detector = new MentionDetector([new Topic("tigray", "Tigray", ["Tigray"])]);
        var paragraphs = text.Split("\n\n").ToList();
        var withMention = paragraphs.FindIndex(p => detector.Match(p).Count > 0);
        var moved = paragraphs[withMention];
        paragraphs.RemoveAt(withMention);
        paragraphs.Add(moved);
        var reordered = string.Join("\n\n", paragraphs);

        var result = detector.Detect(text, reordered);

        Assert.NotEqual(text, reordered);
        Assert.Contains(detector.Match(reordered), m => m.Start >= reordered.Length - moved.Length);
        Assert.Empty(result.NewMentions);
    }

    [Fact]
    public void Detect_EveryEditInFeed_MentionsInParagraphsKeptVerbatimAreNeverNew()
    {
        // Track every capitalised word of every edited item, then check the rule on all of the feed's edits.
        var edits = StateDeptFeed.Edits;
        Assert.True(edits.Count >= 10, $"expected the feed to hold edited items, found {edits.Count}");
        var terms = edits
            .SelectMany(e => e.NewText.Split([' ', '\n', ',', '.', '(', ')', ':', ';', '“', '”', '"'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 3 && char.IsUpper(w[0]) && w.All(char.IsLetter))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var detector = new MentionDetector(terms.Select(t => new Topic(t, t, [t])).ToList());

        var freshTotal = 0;
        foreach (var edit in edits)
        {
            var result = detector.Detect(edit.OldText, edit.NewText);
            var oldParagraphs = TextLayout.Paragraphs(edit.OldText).Select(p => TextNormalizer.CollapseWhitespace(edit.OldText.AsSpan(p.Start, p.Length))).ToHashSet();
            var newParagraphs = TextLayout.Paragraphs(edit.NewText);
            foreach (var mention in result.NewMentions)
            {
                var paragraph = newParagraphs[mention.Paragraph];
                var paragraphText = TextNormalizer.CollapseWhitespace(edit.NewText.AsSpan(paragraph.Start, paragraph.Length));
                Assert.False(oldParagraphs.Contains(paragraphText), $"{edit.Guid} {edit.OldSnapshot}->{edit.NewSnapshot}: '{mention.MatchedText}' is in an unchanged paragraph but was reported new");
            }
            Assert.Empty(detector.Detect(edit.NewText, edit.NewText).NewMentions);
            freshTotal += result.NewMentions.Count;
        }
        Assert.True(freshTotal > 0, "no edit in the feed produced a new mention");
    }
}
