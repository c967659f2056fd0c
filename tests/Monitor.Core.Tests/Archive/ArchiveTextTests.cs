using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Core.Tests.Archive;

public sealed class ArchiveTextTests
{
    [Theory]
    [InlineData("коридору", "коридор")]
    [InlineData("Коридоре", "коридоры")]
    [InlineData("negotiations", "Negotiation")]
    [InlineData("délimitation", "delimitations")]
    public void Keys_InflectedForms_ShareAStemKey(string inflected, string other) =>
        Assert.NotEmpty(ArchiveText.Keys(inflected).Intersect(ArchiveText.Keys(other)));

    [Fact]
    public void Keys_DifferentWords_ShareNothing() =>
        Assert.Empty(ArchiveText.Keys("коридор").Intersect(ArchiveText.Keys("граница")));

    [Fact]
    public void QueryWords_Punctuation_IsNotAWord() =>
        Assert.Equal(2, ArchiveText.QueryWords("«Лачинский» — коридор!").Count);

    [Fact]
    public void Snippet_MatchDeepInLongText_WindowAroundItWithRangesOnTheWords()
    {
        var text = string.Concat(Enumerable.Repeat("Вводный текст без нужного слова. ", 40))
            + "Движение по Лачинскому коридору должно быть восстановлено. "
            + string.Concat(Enumerable.Repeat("Заключительный текст. ", 40));
        var keys = ArchiveText.QueryWords("коридор").SelectMany(k => k).ToHashSet();

        var snippet = ArchiveText.Snippet(text, keys);

        Assert.True(snippet.Text.Length <= 242, snippet.Text);
        Assert.StartsWith("…", snippet.Text);
        Assert.EndsWith("…", snippet.Text);
        var range = Assert.Single(snippet.Highlights);
        Assert.Equal("коридору", snippet.Text.Substring(range.Start, range.Length));
    }

    [Fact]
    public void Snippet_NoMatch_StartsAtTheTextWithoutHighlights()
    {
        var snippet = ArchiveText.Snippet("Короткий текст.", new HashSet<string> { "u:коридор" });

        Assert.Equal("Короткий текст.", snippet.Text);
        Assert.Empty(snippet.Highlights);
    }
}
