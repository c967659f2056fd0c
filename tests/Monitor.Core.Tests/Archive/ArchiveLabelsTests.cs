using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Core.Tests.Archive;

public sealed class ArchiveLabelsTests
{
    private static ArchivedVersion Version(string? title, DateTimeOffset? published, string? language = "ru") => new(
        "ru-mfa", "МИД", "0123456789abcdef01234567", "key", new Uri("https://mid.ru/ru/новости/1?a=б"), 2, title, published, language, null, null,
        "selectors", null, "hash", "raw", new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), "t", "h");

    [Fact]
    public void For_NonAsciiTitleAndUrl_MetadataIsAsciiAndDecodesBack()
    {
        var title = "Комментарий о «Лачинском коридоре» 🇷🇺";

        var labels = ArchiveLabels.For(Version(title, new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(3))), []);

        Assert.All(labels.Metadata.Values, v => Assert.True(v.All(char.IsAscii), v));
        Assert.Equal(title, ArchiveLabels.DecodeTitle(labels.Metadata["title"]));
        Assert.Equal("https://mid.ru/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1?a=%D0%B1", Uri.UnescapeDataString(labels.Metadata["url"]));
        Assert.Equal("2026-03-12T06:00:00Z", labels.Metadata["published"]);
        Assert.Equal("2", labels.Metadata["version"]);
    }

    [Fact]
    public void For_VeryLongTitle_CutWithoutBreakingAnEscape()
    {
        var labels = ArchiveLabels.For(Version(new string('ж', 2000), null), []);

        Assert.True(labels.Metadata["title"].Length <= 2048);
        Assert.Equal(new string('ж', labels.Metadata["title"].Length / 6), ArchiveLabels.DecodeTitle(labels.Metadata["title"]));
    }

    [Fact]
    public void For_Tags_SourceLanguageMonthAndOneTagPerTopicUpToSeven()
    {
        var topics = Enumerable.Range(0, 9).Select(i => $"topic {i}/é#").ToList();

        var tags = ArchiveLabels.For(Version("T", null), topics).Tags;

        Assert.Equal(10, tags.Count);
        Assert.Equal(("ru-mfa", "ru", "2026-04"), (tags["source"], tags["language"], tags["month"]));
        Assert.Equal("yes", tags["topic:topic 0/__"]);
        Assert.All(tags.Keys.Concat(tags.Values), t => Assert.Matches("^[A-Za-z0-9 +\\-./:=_]*$", t));
    }

    [Fact]
    public void For_NoLanguage_NoLanguageTag() =>
        Assert.False(ArchiveLabels.For(Version(null, null, language: null), ["x"]).Tags.ContainsKey("language"));
}
