using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

/// <summary>
/// One matcher holds the catalogue and thousands of subscribers' terms, many of them shared or overlapping: its
/// matches are grouped by topic and ordered in one pass, and snippets are cut only when read. Topics are
/// independent, so whatever is matched together must equal what each topic finds alone, snippets included.
/// </summary>
public class ManyTopicsMatchTests
{
    private static readonly Topic[] Topics =
    [
        new("state", "State", ["State", "State Department"]),
        new("department", "Department", ["Department of State", "Department"]),
        new("secretary-a", "Secretary", ["Secretary*"]),
        new("secretary-b", "Secretary too", ["Secretary*", "Secretary Blinken"]),
        new("secur", "Security", ["secur*"]),
        new("internat", "International", ["internati*", "United Nations"]),
        new("near", "Near", ["security NEAR/5 cooperation", "human NEAR/3 rights"]),
        new("united", "United", ["United States", "United"]) { Exclude = ["United Nations"] },
        new("press", "Press", ["press"]) { RequireAll = [["question", "statement"]], Scope = MatchScope.Sentence },
        new("acronyms", "Acronyms", ["NATO"]) { Acronyms = ["U.S.", "UN"] },
        new("duplicate-1", "Same term", ["President"]),
        new("duplicate-0", "Same term", ["President"]),
        new("a-first-by-id", "Also same term", ["President", "Presid*"]),
    ];

    [Fact]
    public void Match_ManyTopicsOnRealStatements_SameMentionsAsEachTopicAlone()
    {
        var together = new MentionDetector(Topics);
        var alone = Topics.Select(t => new MentionDetector([t])).ToList();
        var texts = StateDeptFeed.Edits.SelectMany(e => new[] { e.OldText, e.NewText }).Distinct().ToList();

        var compared = 0;
        foreach (var text in texts)
        {
            var expected = alone.SelectMany(d => d.Match(text))
                .OrderBy(m => m.Start).ThenBy(m => m.TopicId, StringComparer.Ordinal).ToList();
            var actual = together.Match(text);
            Assert.Equal(expected, actual);
            compared += actual.Count;
        }
        Assert.True(compared > 1000, $"only {compared} mentions compared: the feed or the topics changed");
    }

    [Fact]
    public void Match_NearSidesFarApartAndClose_PairsOnlySidesWithinReachEitherWay()
    {
        var text = "Human rights matter. " + string.Join(' ', Enumerable.Repeat("filler", 30)) + " rights a b human. And human c rights.";
        var detector = new MentionDetector([new Topic("near", "Near", ["human NEAR/3 rights"])]);

        var found = detector.Match(text);

        Assert.Equal(["Human rights", "rights a b human", "human c rights"], found.Select(m => m.MatchedText));
    }

    [Fact]
    public void Snippet_CutWhenRead_EqualsTheSentenceGivenExplicitly()
    {
        var text = "The Secretary met the press.\n\nSecurity cooperation was discussed at length.";
        var found = new MentionDetector(Topics).Match(text);

        var given = found.Select(m => new Mention(m.TopicId, m.TopicName, m.Term, m.MatchedText, m.Start, m.Length, m.Snippet, m.Paragraph)).ToList();

        Assert.Equal(given, found);
        Assert.Equal(given.Select(m => m.GetHashCode()), found.Select(m => m.GetHashCode()));
        Assert.Contains(found, m => m.TopicId == "secur" && m.Snippet == "Security cooperation was discussed at length.");
    }

    [Fact]
    public void With_MovedMention_KeepsTheOriginalSnippet()
    {
        var text = "First sentence names the Secretary. Second sentence is longer and names nobody.";
        var mention = new MentionDetector([Topics[2]]).Match(text).Single();

        var moved = mention with { Start = text.IndexOf("Second", StringComparison.Ordinal) };

        Assert.Equal("First sentence names the Secretary.", moved.Snippet);
    }
}
