using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Tests.Stages;

public sealed class ArchivePathsTests
{
    [Theory]
    [InlineData("Statement on the Lachin corridor!", "statement-on-the-lachin-corridor")]
    [InlineData("Заявление МИД России", "заявление-мид-россии")]
    [InlineData("Laçın dəhlizi haqqında", "laçın-dəhlizi-haqqında")]
    [InlineData("  --- ", "")]
    public void Slug_TitlesInAnyScript_KeepLettersAndJoinWordsWithDashes(string title, string slug) =>
        Assert.Equal(slug, ArchivePaths.Slug(title));

    [Fact]
    public void StatementBase_NoTitle_FallsBackToTheUrlPathAndDatesInUtc()
    {
        var path = ArchivePaths.StatementBase("az-mfa", new DateTimeOffset(2023, 7, 25, 1, 0, 0, TimeSpan.FromHours(4)), null,
            new Uri("https://mfa.gov.az/news/909/press-release"), "0123456789abcdef01234567");

        Assert.Equal("az-mfa/2023/07/24/news-909-press-release-01234567", path);
        Assert.Equal("az-mfa/2023/07/24/news-909-press-release-01234567/v012.txt", ArchivePaths.Version(path, 12, "txt"));
    }
}
