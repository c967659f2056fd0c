using System.Text;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

/// <summary>What real texts do to a phrase, and the match that must survive it.</summary>
public class NormalisationMatchTests
{
    private static readonly MentionDetector Detector = new([
        new Topic("nk", "Nagorno-Karabakh", ["Nagorno-Karabakh", "Нагорный Карабах"]),
        new Topic("lachin", "Lachin corridor", ["Lachin corridor"]),
        new Topic("alyoshin", "Alyoshin", ["Алёшин"]),
        new Topic("baku", "Baku's position", ["Baku's position"]),
        new Topic("etats", "États-Unis", ["États-Unis"]),
        new Topic("efficient", "Efficient office", ["efficient office"]),
    ]);

    [Theory]
    [InlineData("NAGORNO-KARABAKH", "nk")]
    [InlineData("nagorno-karabakh", "nk")]
    [InlineData("Nagorno–Karabakh", "nk")] // en dash
    [InlineData("Nagorno—Karabakh", "nk")] // em dash
    [InlineData("Nagorno\u2011Karabakh", "nk")] // non-breaking hyphen
    [InlineData("Nagorno\u2010Karabakh", "nk")] // hyphen
    [InlineData("Nagorno Karabakh", "nk")]
    [InlineData("Nagorno\u00A0Karabakh", "nk")] // no-break space
    [InlineData("Nagorno-\nKarabakh", "nk")]
    [InlineData("Nagor\u00ADno-Kara\u00ADbakh", "nk")] // soft hyphens
    [InlineData("Nagorno-Kara\u200Bbakh", "nk")] // zero-width space inside a word
    [InlineData("Nagorno-Kara\u00AD\nbakh", "nk")] // soft hyphen at a line break
    [InlineData("Lachin corri\u00AD \r\n dor", "lachin")]
    [InlineData("Lachin\ncorridor", "lachin")]
    [InlineData("Lachin \r\n\t corridor", "lachin")]
    [InlineData("ＬＡＣＨＩＮ ＣＯＲＲＩＤＯＲ", "lachin")] // full-width (NFKC)
    [InlineData("Алешин", "alyoshin")] // ё written as е
    [InlineData("АЛЁШИН", "alyoshin")]
    [InlineData("Baku’s position", "baku")] // curly apostrophe
    [InlineData("Baku‘s position", "baku")]
    [InlineData("Baku's position", "baku")]
    [InlineData("Bakuʼs position", "baku")] // modifier letter apostrophe
    [InlineData("“Lachin corridor”", "lachin")]
    [InlineData("«Нагорный Карабах»", "nk")]
    [InlineData("Etats-Unis", "etats")] // capital without its accent
    [InlineData("ÉTATS-UNIS", "etats")]
    [InlineData("eﬃcient oﬃce", "efficient")] // ligatures (NFKC)
    public void Match_TextVariant_FindsTopic(string text, string topicId)
    {
        var mention = Assert.Single(Detector.Match(text));

        Assert.Equal(topicId, mention.TopicId);
        Assert.Equal(mention.MatchedText, text.Substring(mention.Start, mention.Length));
        Assert.Contains(mention.MatchedText, mention.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_DecomposedUnicode_MatchesComposedTerm()
    {
        var decomposed = "Etats-Unis".Replace("E", "E\u0301", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);

        Assert.Equal("etats", Assert.Single(Detector.Match(decomposed)).TopicId);
    }

    [Fact]
    public void Match_PhraseAcrossParagraphText_KeepsOffsetsOfOriginal()
    {
        const string text = "First paragraph.\n\nThen the Lachin\ncorridor again.";

        var mention = Assert.Single(Detector.Match(text));

        Assert.Equal(text.IndexOf("Lachin", StringComparison.Ordinal), mention.Start);
        Assert.Equal("Lachin\ncorridor", mention.MatchedText);
        Assert.Equal("Then the Lachin\ncorridor again.", mention.Snippet); // the match as written, so alerts can highlight it
        Assert.Equal(1, mention.Paragraph);
    }

    [Fact]
    public void Match_PartOfLongerWord_DoesNotMatch()
    {
        Assert.Empty(Detector.Match("Nagorno-Karabakhstan and Lachin corridorless"));
    }
}
