using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

/// <summary>The seed statement keeps the page's hard line breaks and odd spacing; phrases broken across lines must still match.</summary>
public class SeedStatementTests
{
    private static readonly string Statement = File.ReadAllText(SharedData.PathOf("seeds", "trilateral-meeting-statement.txt"));

    private static readonly MentionDetector Detector = new(TopicCatalog.Parse("""
        { "topics": [
          { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor", "Лачинский коридор", "Laçın dəhlizi"] },
          { "id": "nagorno-karabakh", "name": "Nagorno-Karabakh", "terms": ["Nagorno-Karabakh", "Нагорный Карабах", "Dağlıq Qarabağ"] },
          { "id": "peace-treaty", "name": "Peace treaty", "terms": ["peace treaty", "мирный договор", "sülh müqaviləsi"] },
          { "id": "border-delimitation", "name": "Border delimitation", "terms": ["border delimitation", "delimitation NEAR/3 border", "делимитация границы"] },
          { "id": "greenland", "name": "Greenland", "terms": ["Greenland", "Гренландия"] }
        ] }
        """, "seed-topics.json"));

    [Theory]
    [InlineData("lachin-corridor")]
    [InlineData("nagorno-karabakh")]
    [InlineData("peace-treaty")]
    [InlineData("border-delimitation")]
    public void Match_SeedStatement_FindsTopic(string topicId)
    {
        var mentions = Detector.Match(Statement).Where(m => m.TopicId == topicId).ToList();

        Assert.NotEmpty(mentions);
        foreach (var mention in mentions)
        {
            Assert.Equal(mention.MatchedText, Statement.Substring(mention.Start, mention.Length));
            Assert.Contains(mention.MatchedText, mention.Snippet, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Match_SeedStatement_TopicNotMentionedFindsNothing()
    {
        Assert.DoesNotContain(Detector.Match(Statement), m => m.TopicId == "greenland");
    }

    [Fact]
    public void Match_SeedStatement_EveryWrittenOccurrenceIsFound()
    {
        var flat = TextNormalizer.CollapseWhitespace(Statement);
        var expected = CountOccurrences(flat, "Nagorno-Karabakh");

        var found = Detector.Match(Statement).Count(m => m.TopicId == "nagorno-karabakh");

        Assert.True(expected > 0);
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Match_PhraseBrokenAcrossSeedLines_MatchesWithLineBreakInMatchedText()
    {
        // Find a place where the seed's hard line break falls inside a two-word phrase, and track that phrase.
        var words = WordTokenizer.Tokenize(Statement);
        var split = Enumerable.Range(0, words.Count - 1)
            .First(i => Statement.AsSpan(words[i].End, words[i + 1].Start - words[i].End).Contains('\n')
                && words[i].Length > 3 && words[i + 1].Length > 3 && char.IsLetter(Statement[words[i].Start]) && char.IsLetter(Statement[words[i + 1].Start]));
        var phrase = $"{Statement.Substring(words[split].Start, words[split].Length)} {Statement.Substring(words[split + 1].Start, words[split + 1].Length)}";
        var detector = new MentionDetector([new Topic("split", "Split", [phrase])]);

        var mentions = detector.Match(Statement);

        var mention = Assert.Single(mentions, m => m.Start == words[split].Start);
        Assert.Contains('\n', mention.MatchedText);
        Assert.Contains(mention.MatchedText, mention.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_SeedStatement_ParagraphIndexCountsBlankLineSeparatedBlocks()
    {
        var mention = Detector.Match(Statement).First(m => m.TopicId == "lachin-corridor");

        var blocksBefore = TextLayout.Paragraphs(Statement).Count(p => p.End <= mention.Start);

        Assert.Equal(blocksBefore, mention.Paragraph);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
