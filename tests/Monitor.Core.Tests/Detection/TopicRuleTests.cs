using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

/// <summary>Exclusions, proximity, acronyms and required groups.</summary>
public class TopicRuleTests
{
    [Fact]
    public void Match_TermInsideExclusion_IsDropped()
    {
        var detector = new MentionDetector([new Topic("lachin", "Lachin", ["Lachin"]) { Exclude = ["Lachin district court"] }]);

        var mentions = detector.Match("The Lachin district court ruled. Traffic through Lachin resumed.");

        var mention = Assert.Single(mentions);
        Assert.Equal("Traffic through Lachin resumed.", mention.Snippet);
    }

    [Fact]
    public void Match_ExclusionOfOtherTopic_DoesNotAffectThisTopic()
    {
        var detector = new MentionDetector([
            new Topic("lachin", "Lachin", ["Lachin"]) { Exclude = ["Lachin district court"] },
            new Topic("courts", "Courts", ["Lachin"]),
        ]);

        var mentions = detector.Match("The Lachin district court ruled.");

        Assert.Equal("courts", Assert.Single(mentions).TopicId);
    }

    [Theory]
    [InlineData("border delimitation", true)]
    [InlineData("delimitation of the border", true)]
    [InlineData("the border commissions agreed on the delimitation", true)]
    [InlineData("the border between the two countries will, after long talks and much else, see delimitation", false)]
    [InlineData("the border is closed", false)]
    public void Match_Near5_DependsOnWordsBetween(string text, bool expected)
    {
        var detector = new MentionDetector([new Topic("border", "Border delimitation", ["border NEAR/5 delimitation"])]);

        var mentions = detector.Match(text);

        Assert.Equal(expected, mentions.Count == 1);
        if (expected) Assert.StartsWith(mentions[0].MatchedText.Split(' ')[0], text[mentions[0].Start..], StringComparison.Ordinal);
    }

    [Fact]
    public void Match_NearWithAlternativesAndInflection_SpansBothSides()
    {
        var detector = new MentionDetector([new Topic("border", "Border delimitation", ["граница|border NEAR/3 делимитация|delimitation"])]);

        var mention = Assert.Single(detector.Match("Обсуждалась делимитация армяно-азербайджанской границы."));

        Assert.Equal("делимитация армяно-азербайджанской границы", mention.MatchedText);
    }

    [Theory]
    [InlineData("Members of the CSTO met.", 1)]
    [InlineData("The CSTO's summit.", 1)]
    [InlineData("l'OSCE et la CSTO", 2)]
    [InlineData("Саммит ОДКБ прошёл в Минске.", 1)]
    [InlineData("csto is not the acronym", 0)]
    [InlineData("Osce written as a word", 0)]
    [InlineData("OSCEs is another word", 0)]
    public void Match_Acronyms_AreCaseSensitive(string text, int expected)
    {
        var detector = new MentionDetector([new Topic("orgs", "Organisations", []) { Acronyms = ["CSTO", "OSCE", "ОДКБ"] }]);

        Assert.Equal(expected, detector.Match(text).Count);
    }

    [Fact]
    public void Match_RequiredGroupInSameParagraph_KeepsMention()
    {
        var detector = new MentionDetector([
            new Topic("talks", "Armenia-Azerbaijan talks", ["talks", "переговоры"]) { RequireAll = [["Armenia", "Армения"], ["Azerbaijan", "Азербайджан"]] },
        ]);

        var mentions = detector.Match("Talks with Armenia and Azerbaijan resumed.\n\nTalks with Georgia continue.\n\nПереговоры Армении и Азербайджана.");

        Assert.Equal(["Talks", "Переговоры"], mentions.Select(m => m.MatchedText));
    }

    [Fact]
    public void Match_RequiredGroupInOtherSentence_DependsOnScope()
    {
        const string text = "Talks resumed today. Armenia and Azerbaijan sent delegations.";
        Topic Topic(MatchScope scope) => new("talks", "Talks", ["talks"]) { RequireAll = [["Armenia"], ["Azerbaijan"]], Scope = scope };

        Assert.Empty(new MentionDetector([Topic(MatchScope.Sentence)]).Match(text));
        Assert.Single(new MentionDetector([Topic(MatchScope.Paragraph)]).Match(text));
        Assert.Single(new MentionDetector([Topic(MatchScope.Statement)]).Match(text + "\n\nMore talks."), m => m.Paragraph == 0);
    }

    [Fact]
    public void Match_OverlappingTermsOfOneTopic_ReportLongest()
    {
        var detector = new MentionDetector([new Topic("lachin", "Lachin", ["Lachin", "Lachin corridor"])]);

        var mention = Assert.Single(detector.Match("The Lachin corridor."));

        Assert.Equal("Lachin corridor", mention.MatchedText);
        Assert.Equal("Lachin corridor", mention.Term);
    }

    [Fact]
    public void Match_SamePhraseInTwoTopics_ReportsBoth()
    {
        var detector = new MentionDetector([new Topic("a", "A", ["OSCE Minsk Group"]), new Topic("b", "B", ["Minsk Group"])]);

        var mentions = detector.Match("The OSCE Minsk Group co-chairs.");

        Assert.Equal(["a", "b"], mentions.Select(m => m.TopicId).Order());
    }

    [Fact]
    public void Constructor_InvalidTermInCodeBuiltTopic_NamesTopic()
    {
        var error = Assert.Throws<ArgumentException>(() => new MentionDetector([new Topic("broken", "Broken", ["a NEAR/x b"])]));

        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
    }
}
