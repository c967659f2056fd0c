using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Diffing;
using MinistryMonitor.Web.Diff;

namespace MinistryMonitor.Web.Tests;

public sealed class ReadableDiffTests
{
    [Fact]
    public void Build_OneWordReplaced_MarksThatWordOnlyAndTheNewMention()
    {
        const string newer = "Talks continue.\n\nThe ministers discussed the Lachin corridor.";
        var diff = TextDiff.Compare("Talks continue.\n\nThe ministers discussed the Lachin road.", newer);
        var mention = new Mention("lc", "Lachin corridor", "Lachin corridor", "Lachin corridor", newer.IndexOf("Lachin", StringComparison.Ordinal), 15, "", 1);

        var blocks = ReadableDiff.Build(diff, [mention], changesOnly: false);

        Assert.Equal(2, blocks.Count);
        Assert.All(blocks[0].Spans, s => Assert.Equal(DiffRunKind.Same, s.Kind));
        Assert.Equal(
            [(DiffRunKind.Same, "The ministers discussed the ", null), (DiffRunKind.Same, "Lachin ", "Lachin corridor"),
             (DiffRunKind.Deleted, "road", null), (DiffRunKind.Same, " ", null), (DiffRunKind.Inserted, "corridor", "Lachin corridor"), (DiffRunKind.Same, ".", null)],
            blocks[1].Spans.SelectMany(s => s.Pieces.Select(p => (s.Kind, p.Text, p.TopicName))));
    }

    [Fact]
    public void Build_ChangesOnly_FoldsUnchangedParagraphsIntoCounts()
    {
        var diff = TextDiff.Compare("A one.\n\nB two.\n\nC three.\n\nD four.", "A one.\n\nB two.\n\nC THREE now.\n\nD four.");

        var blocks = ReadableDiff.Build(diff, [], changesOnly: true);

        Assert.Equal([2, 0, 1], blocks.Select(b => b.Skipped));
        Assert.Contains(blocks[1].Spans, s => s.Kind == DiffRunKind.Inserted && s.Pieces.Single().Text == "now");
    }

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
