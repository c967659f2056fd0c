using MinistryMonitor.Core.Diffing;
using MinistryMonitor.Core.Tests.Detection;

namespace MinistryMonitor.Core.Tests.Diffing;

/// <summary>The diff on real edits of State Department statements (shared/corpora/state-dept-press-feed).</summary>
public class RealEditDiffTests
{
    private const string TigrayBriefing = "https://www.state.gov/?post_type=state_briefing&p=262710";
    private const string TravelSchedule = "https://www.state.gov/?page_id=256504";

    [Fact]
    public void Compare_WordReplacedInBriefing_MarksOnlyThatWord()
    {
        // "attacks and intimidation against Eritrean forces" became "... against Eritrean refugees".
        var edit = StateDeptFeed.EditOf(TigrayBriefing, "0560", "0561");

        var diff = TextDiff.Compare(edit.OldText, edit.NewText);

        Assert.Equal([(DiffRunKind.Deleted, "forces"), (DiffRunKind.Inserted, "refugees")], TextDiffTests.Marked(diff));
    }

    [Fact]
    public void Compare_PlaceNameCompleted_MarksOnlyTheAddedWord()
    {
        // "travel to Ohrid, Macedonia" became "travel to Ohrid, North Macedonia".
        var edit = StateDeptFeed.EditOf(TravelSchedule, "0342", "0343");

        var diff = TextDiff.Compare(edit.OldText, edit.NewText);

        Assert.Contains((DiffRunKind.Inserted, "North"), TextDiffTests.Marked(diff));
        Assert.DoesNotContain(TextDiffTests.Marked(diff), m => m.Text.Contains("Ohrid", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_EveryEditInFeed_KeptAndInsertedRunsRebuildTheNewText()
    {
        var edits = StateDeptFeed.Edits;
        Assert.True(edits.Count >= 10, $"expected the feed to hold edited items, found {edits.Count}");
        foreach (var edit in edits)
        {
            var diff = TextDiff.Compare(edit.OldText, edit.NewText);

            var rebuilt = diff.Paragraphs.Select(TextDiffTests.NewTextOf).Where(p => p.Length > 0);
            Assert.Equal(edit.NewText.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0), rebuilt);
            Assert.True(diff.Steps <= 200L * (edit.OldText.Length + edit.NewText.Length), $"{edit.Guid}: {diff.Steps} steps");
        }
    }

    [Fact]
    public void Compare_EveryEditInFeed_MostEditsMarkFewWordsNotWholeSentences()
    {
        // Real edits fix a word or a phrase: marked text is a small part of the statement.
        var ratios = StateDeptFeed.Edits
            .Select(e => TextDiff.Compare(e.OldText, e.NewText))
            .Select(d => (double)TextDiffTests.Marked(d).Sum(m => m.Text.Length) / d.Paragraphs.Sum(p => p.Runs.Sum(r => r.Text.Length)))
            .Order()
            .ToList();

        Assert.True(ratios[ratios.Count / 2] < 0.2, $"median share of marked text {ratios[ratios.Count / 2]:P0}");
    }
}
