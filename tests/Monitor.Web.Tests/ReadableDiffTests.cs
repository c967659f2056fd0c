using MinistryMonitor.Core.Detection;
using MinistryMonitor.Web.Diff;

namespace MinistryMonitor.Web.Tests;

public sealed class ReadableDiffTests
{
    [Fact]
    public void Compare_SentenceInsertedAndOneRewritten_MarksThemAndKeepsTheRest()
    {
        var paragraphs = SentenceDiff.Compare(
            "First sentence. Second one stays.\n\nOld closing line.",
            "First sentence. A new sentence! Second one stays.\n\nNew closing line.");

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(
            [(DiffRunKind.Same, "First sentence."), (DiffRunKind.Inserted, "A new sentence!"), (DiffRunKind.Same, "Second one stays.")],
            paragraphs[0].Select(r => (r.Kind, r.Text.Trim())));
        Assert.Equal([(DiffRunKind.Deleted, "Old closing line."), (DiffRunKind.Inserted, "New closing line.")], paragraphs[1].Select(r => (r.Kind, r.Text.Trim())));
    }

    [Fact]
    public void Compare_SameText_HasNothingMarked() =>
        Assert.All(SentenceDiff.Compare("A. B.\n\nC.", "A. B.\n\nC.").SelectMany(p => p), r => Assert.Equal(DiffRunKind.Same, r.Kind));

    [Fact]
    public void Paragraphs_MentionsInTwoParagraphs_AreMarkedRunsWithTheirTopic()
    {
        var text = "Talks on the Lachin corridor.\n\nNothing here. Lachin corridor again";
        var mentions = new[]
        {
            new Mention("lc", "Lachin corridor", "Lachin corridor", "Lachin corridor", 13, 15, "", 0),
            new Mention("lc", "Lachin corridor", "Lachin corridor", "Lachin corridor", text.LastIndexOf("Lachin", StringComparison.Ordinal), 15, "", 1),
        };

        var paragraphs = MentionHighlighter.Paragraphs(text, mentions);

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal([("Talks on the ", null), ("Lachin corridor", "Lachin corridor"), (".", null)], paragraphs[0].Select(r => (r.Text, r.TopicName)));
        Assert.Equal("Lachin corridor", Assert.Single(paragraphs[1], r => r.TopicName is not null).Text);
    }

    [Theory]
    [InlineData("https://mid.ru/ru/foreign_policy/news/1/", true)]
    [InlineData("http://127.0.0.1:5000/a", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Original_OnlyHttpAndHttps_AreLinked(string url, bool linked) =>
        Assert.Equal(linked, StatementLinks.Original(new Uri(url)) is not null);
}
