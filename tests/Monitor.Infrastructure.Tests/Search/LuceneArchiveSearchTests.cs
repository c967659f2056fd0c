using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Infrastructure.Search;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace MinistryMonitor.Infrastructure.Tests.Search;

/// <summary>The embedded back end for real: a Lucene.Net index in a folder on disk.</summary>
public sealed class LuceneArchiveSearchTests : IDisposable
{
    private static readonly DateTimeOffset March = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-search-").FullName;

    private LuceneArchiveSearch Open() => new(
        MsOptions.Create(new SearchOptions { IndexPath = Path.Combine(_folder, "index") }),
        new HostingEnvironment { ContentRootPath = _folder },
        NullLogger<LuceneArchiveSearch>.Instance);

    private static ArchiveDocument Doc(string id, string? title, string text, int version = 1, string source = "ru-mfa", string language = "ru",
        DateTimeOffset? published = null, params string[] topics) =>
        new(source, id, version, title, text, new Uri($"https://mfa.example/{id}"), published ?? March, language, topics, published ?? March);

    [Fact]
    public async Task SearchAsync_InflectedForms_FindEachOtherInRussianAndEnglish()
    {
        using var search = Open();
        await search.IndexAsync(
        [
            Doc("a", "О ситуации", "Движение по Лачинскому коридору должно быть восстановлено."),
            Doc("b", "Statement", "The negotiations on border delimitation continued.", source: "us-state", language: "en"),
            Doc("c", "Брифинг", "Переговоры о торговле."),
        ], CancellationToken.None);

        Assert.Equal("a", Assert.Single((await search.SearchAsync(new StatementQuery { Text = "коридор" }, default)).Hits).StatementId);
        Assert.Equal("a", Assert.Single((await search.SearchAsync(new StatementQuery { Text = "Коридоре" }, default)).Hits).StatementId);
        Assert.Equal("b", Assert.Single((await search.SearchAsync(new StatementQuery { Text = "negotiation delimitations" }, default)).Hits).StatementId);
        Assert.Empty((await search.SearchAsync(new StatementQuery { Text = "коридор торговля" }, default)).Hits);
        Assert.Empty((await search.SearchAsync(new StatementQuery { Text = "  — ; " }, default)).Hits);
    }

    [Fact]
    public async Task IndexAsync_CallersArriveDuringACommit_EachReturnsCommittedAndTheyShareTheNextCommit()
    {
        using var search = Open();
        await search.IndexAsync([Doc("first", "Statement", "The first statement.")], CancellationToken.None);
        var before = CommitGeneration();

        // Stand in for a commit in progress: the 40 callers that arrive meanwhile queue behind it.
        await search.WriteLock.WaitAsync();
        var callers = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            search.IndexAsync([Doc($"s{i}", "Statement", $"Border delimitation, round {i}.")], CancellationToken.None))).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (search.PendingCount < 40)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {search.PendingCount} of 40 callers queued within 30 s");
            await Task.Delay(5);
        }
        Assert.DoesNotContain(callers, c => c.IsCompleted);
        search.WriteLock.Release();
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));

        // Every caller's document is committed: another process opening the folder now finds all of them.
        using var reopened = Open();
        Assert.Equal(41, (await reopened.SearchAsync(new StatementQuery { Text = "statement", PageSize = 100 }, default)).TotalHits);
        // One commit for all 40: the first caller through the lock wrote the whole queue, the others found theirs done.
        Assert.Equal(1, CommitGeneration() - before);
    }

    private long CommitGeneration()
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(_folder, "index"));
        return Lucene.Net.Index.SegmentInfos.GetLastCommitGeneration(directory);
    }

    [Fact]
    public async Task SearchAsync_WordInTitle_RanksAboveWordOnlyInText()
    {
        using var search = Open();
        await search.IndexAsync(
        [
            Doc("text", "Брифинг", "Мы обсудили разные вопросы, в том числе вопросы делимитации границы и другие темы дня."),
            Doc("title", "О делимитации границы", "Мы обсудили разные вопросы, в том числе вопросы транспорта и другие темы дня."),
        ], CancellationToken.None);

        var hits = (await search.SearchAsync(new StatementQuery { Text = "делимитация" }, default)).Hits;

        Assert.Equal(["title", "text"], hits.Select(h => h.StatementId));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task SearchAsync_Filters_RestrictBySourceLanguageTopicAndDate()
    {
        using var search = Open();
        await search.IndexAsync(
        [
            Doc("ru-old", null, "Лачинский коридор.", published: March.AddMonths(-2), topics: "lachin"),
            Doc("ru-new", null, "Лачинский коридор.", topics: "lachin"),
            Doc("ru-untagged", null, "Лачинский коридор."),
            Doc("az", null, "Laçın dəhlizi; коридор.", source: "az-mfa", language: "az"),
        ], CancellationToken.None);

        async Task<string[]> Ids(StatementQuery q) => (await search.SearchAsync(q, default)).Hits.Select(h => h.StatementId).Order().ToArray();

        Assert.Equal(["az"], await Ids(new StatementQuery { Text = "коридор", SourceId = "az-mfa" }));
        Assert.Equal(["az"], await Ids(new StatementQuery { Text = "коридор", Language = "az" }));
        Assert.Equal(["ru-new", "ru-old"], await Ids(new StatementQuery { Text = "коридор", TopicId = "lachin" }));
        Assert.Equal(["ru-new"], await Ids(new StatementQuery { Text = "коридор", TopicId = "lachin", Since = March.AddDays(-1) }));
        Assert.Equal(["ru-old"], await Ids(new StatementQuery { Text = "коридор", Until = March.AddMonths(-1) }));
    }

    [Fact]
    public async Task IndexAsync_OlderVersionAfterNewer_KeepsTheNewerAndReplacesOnANewerOne()
    {
        using var search = Open();
        await search.IndexAsync([Doc("a", "T", "второй вариант текста", version: 2)], CancellationToken.None);
        await search.IndexAsync([Doc("a", "T", "первый вариант текста", version: 1)], CancellationToken.None);
        await search.IndexAsync([Doc("a", "T", "второй вариант текста", version: 2)], CancellationToken.None);

        var hit = Assert.Single((await search.SearchAsync(new StatementQuery { Text = "текст" }, default)).Hits);
        Assert.Equal(2, hit.Version);
        Assert.Empty((await search.SearchAsync(new StatementQuery { Text = "первый" }, default)).Hits);

        await search.IndexAsync([Doc("a", "T", "третья редакция", version: 3)], CancellationToken.None);
        Assert.Equal(3, Assert.Single((await search.SearchAsync(new StatementQuery { Text = "редакции" }, default)).Hits).Version);
        Assert.Empty((await search.SearchAsync(new StatementQuery { Text = "второй" }, default)).Hits);
    }

    [Fact]
    public async Task SearchAsync_SecondProcessOnTheSameFolder_SeesEachCommitWithoutTakingTheWriteLock()
    {
        using var writer = Open();
        using var reader = Open();
        Assert.Empty((await reader.SearchAsync(new StatementQuery { Text = "коридор" }, default)).Hits);

        await writer.IndexAsync([Doc("a", null, "Лачинский коридор.")], CancellationToken.None);
        Assert.Single((await reader.SearchAsync(new StatementQuery { Text = "коридор" }, default)).Hits);
        await writer.IndexAsync([Doc("b", null, "Коридор снова.")], CancellationToken.None);
        Assert.Equal(2, (await reader.SearchAsync(new StatementQuery { Text = "коридор" }, default)).TotalHits);
    }

    [Fact]
    public async Task SearchAsync_Pages_CoverAllHitsOnceAndRefuseATokenOfAnotherQuery()
    {
        using var search = Open();
        await search.IndexAsync(Enumerable.Range(0, 25).Select(i => Doc($"s{i:00}", null, $"Заявление номер {i} о коридоре.")).ToList(), CancellationToken.None);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await search.SearchAsync(new StatementQuery { Text = "коридор", PageSize = 10, ContinuationToken = token }, default);
            Assert.Equal(25, page.TotalHits);
            seen.AddRange(page.Hits.Select(h => h.StatementId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(25, seen.Distinct().Count());
        var first = await search.SearchAsync(new StatementQuery { Text = "коридор", PageSize = 10 }, default);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() =>
            search.SearchAsync(new StatementQuery { Text = "заявление", PageSize = 10, ContinuationToken = first.ContinuationToken }, default));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() =>
            search.SearchAsync(new StatementQuery { Text = "коридор", ContinuationToken = "not-a-token" }, default));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
