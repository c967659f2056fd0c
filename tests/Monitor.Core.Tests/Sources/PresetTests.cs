using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Sources;

namespace MinistryMonitor.Core.Tests.Sources;

/// <summary>
/// The presets in src/Monitor.Functions/config/sources.json against markup shaped as published scrapers of these
/// sites describe it (2024–2025; see docs/configuration.md, "Source presets"), and against the saved pages in ../shared. These pages are
/// small reconstructions of the elements the scrapers select, not copies of the sites.
/// </summary>
public sealed class PresetTests
{
    private static readonly IReadOnlyList<Source> Presets = SourceCatalog.Load(PresetsPath());
    private readonly StatementExtractor _extractor = new();

    [Fact]
    public void Load_PresetsFile_HasEveryMinistryIncludingFranceAndTheKremlin()
    {
        Assert.Equal(["us-state-press", "uk-fcdo-news", "ru-mid-news", "az-mfa-news", "am-mfa-news", "fr-diplomatie", "ru-kremlin-news"], Presets.Select(s => s.Id));
        Assert.Equal(new Uri("https://www.diplomatie.gouv.fr/spip.php?page=backend-fd"), Preset("fr-diplomatie").Feed);
        Assert.Equal(new Uri("http://kremlin.ru/events/president/news/feed"), Preset("ru-kremlin-news").Feed);
        Assert.StartsWith("Mozilla/5.0 (compatible; MinistryMonitor", Preset("us-state-press").RequestSettings.UserAgent);
        Assert.DoesNotContain("PAGEN", Preset("ru-mid-news").Listing!.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void ListingReader_MidRuListing_TakesOnlyTheAnnouncedArticlesNotOtherAnnounceLinks()
    {
        const string listing = """
            <html><body>
              <div class="announce announce_news"><a class="announce__link" href="/ru/press_service/video/1/">Видео</a></div>
              <div class="announce announce_articles">
                <div class="announce__item"><a class="announce__link" href="/ru/foreign_policy/news/2034567/">Заявление</a></div>
                <div class="announce__item"><a class="announce__link" href="/ru/foreign_policy/news/2034566/">Комментарий</a></div>
              </div></body></html>
            """;

        var links = ListingReader.Read(Utf8(listing), Preset("ru-mid-news").Listing!.Url, Preset("ru-mid-news").Listing!.Links);

        Assert.Equal(["https://mid.ru/ru/foreign_policy/news/2034567/", "https://mid.ru/ru/foreign_policy/news/2034566/"], links.Select(l => l.AbsoluteUri));
    }

    [Fact]
    public void Extract_MidRuPhotoContentLayout_SelectorsGiveTitleDateBodyAndNumber()
    {
        const string page = """
            <html><head><title>МИД России</title></head><body><nav>Меню</nav>
              <div class="photo-content"><h1 class="photo-content__title">Заявление МИД России</h1>
                <p class="article-line__note article-line__note_small">1559-20-08-2026</p>
                <div class="photo-content__date">20.08.2026</div>
                <div class="text article-content"><p>Первый абзац заявления.</p><p>Второй абзац заявления.</p></div></div>
              <footer>© МИД России</footer></body></html>
            """;

        var statement = _extractor.Extract(page, null, Preset("ru-mid-news").Selectors);

        Assert.Equal(("Заявление МИД России", new DateTimeOffset(2026, 8, 20, 0, 0, 0, TimeSpan.Zero), "1559-20-08-2026"), (statement.Title, statement.Published, statement.DocumentNumber));
        Assert.Equal(("Первый абзац заявления.\n\nВторой абзац заявления.", StatementExtractor.SelectorsMethod), (statement.Text, statement.Method));
    }

    [Fact]
    public void Extract_MidRuAnnouncementLayout_SecondSelectorsGiveTitleAndBody()
    {
        const string page = """
            <html><body><ul class="announcements"><li>
              <h3 class="announcement__title">О визите делегации</h3>
              <div class="announcement__text"><p>Текст анонса о визите.</p></div>
            </li></ul><footer>© МИД России</footer></body></html>
            """;

        var statement = _extractor.Extract(page, null, Preset("ru-mid-news").Selectors);

        Assert.Equal(("О визите делегации", "Текст анонса о визите.", StatementExtractor.SelectorsMethod), (statement.Title, statement.Text, statement.Method));
    }

    [Fact]
    public void ListingAndExtract_MfaGovAz_PresetFindsNewsLinksAndBody()
    {
        const string listing = """
            <html><body><div class="section_content">menu</div><div class="section_content">
              <a class="section_newsIn_item" href="/en/news/no27322"><div class="section_newsIn_item_content--header">Press release</div>
                <div class="section_newsIn_item_content_information"><span>News</span><span>28 March 2025</span></div></a>
              <a class="section_newsIn_item" href="/en/news/no27321"><div>Other</div></a>
            </div><a href="/en/contacts">Contacts</a></body></html>
            """;
        const string page = """
            <html><body><h1>Press release No:123/25</h1><div class="section_articleInner_body_content--description"><p>The Ministry states.</p></div></body></html>
            """;
        var source = Preset("az-mfa-news");

        var links = ListingReader.Read(Utf8(listing), source.Listing!.Url, source.Listing.Links);
        var statement = _extractor.Extract(page, null, source.Selectors);

        Assert.Equal(["https://mfa.gov.az/en/news/no27322", "https://mfa.gov.az/en/news/no27321"], links.Select(l => l.AbsoluteUri));
        Assert.Equal(("The Ministry states.", StatementExtractor.SelectorsMethod), (statement.Text, statement.Method));
    }

    [Fact]
    public void ListingAndExtract_MfaAm_PresetFindsNewsLinksDateAndBody()
    {
        const string listing = """
            <html><body><ul class="menu"><li><a href="/en/about">About</a></li></ul><div class="news-list"><ul>
              <li><div><a href="https://www.mfa.am/en/news/2025/03/28/fm_statement/13030">Statement</a></div><div class="date italic">28 March, 2025</div><p class="description">…</p></li>
              <li><div><a href="https://www.mfa.am/en/news/2025/03/27/visit/13029">Visit</a></div><div class="date italic">27 March, 2025</div></li>
            </ul></div></body></html>
            """;
        const string page = """
            <html><body><h1>Statement of the Foreign Minister</h1><div class="date italic">28 March, 2025</div>
              <div class="static-content"><p>Armenia and Azerbaijan agreed the text.</p></div></body></html>
            """;
        var source = Preset("am-mfa-news");

        var links = ListingReader.Read(Utf8(listing), source.Listing!.Url, source.Listing.Links);
        var statement = _extractor.Extract(page, null, source.Selectors);

        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.StartsWith("https://www.mfa.am/en/news/2025/03/", l.AbsoluteUri));
        Assert.Equal((new DateTimeOffset(2025, 3, 28, 0, 0, 0, TimeSpan.Zero), "Armenia and Azerbaijan agreed the text.", StatementExtractor.SelectorsMethod),
            (statement.Published, statement.Text, statement.Method));
    }

    [Fact]
    public void ListingReader_SavedMfaGovAzHomepageFrom2018_NeitherTheOldNorTheNewLinkSelectorMatches()
    {
        // The only saved mfa.gov.az page predates the current site: the old preset's "a.news-link" was not on it
        // either (its items are div.news_index_block), so the saved corpus cannot vouch for any listing selector.
        var saved = File.ReadAllBytes(SharedData.PathOf("corpora", "ministry-pages", "mfa.gov.az", "mfa-gov-az-homepage-az-2018.html"));
        var url = new Uri("http://mfa.gov.az/");

        Assert.Empty(ListingReader.Read(saved, url, Preset("az-mfa-news").Listing!.Links));
        Assert.Empty(ListingReader.Read(saved, url, "a.news-link"));
        Assert.True(ListingReader.Read(saved, url, ".news_index_block").Count >= 90);
    }

    [Fact]
    public void FeedReader_StateGovSnapshot_ReadsItemsFromThePresetsFeedShape()
    {
        var snapshot = SharedData.ReadFeedSnapshot(SharedData.FeedSnapshots()[^1]);

        var items = FeedReader.Read(snapshot, Preset("us-state-press").Feed!);

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("www.state.gov", i.Url.Host));
    }

    private static Source Preset(string id) => Presets.Single(s => s.Id == id);

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static string PresetsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
                return Path.Combine(dir.FullName, "src", "Monitor.Functions", "config", "sources.json");
        throw new DirectoryNotFoundException("Monitor.sln not found above the test binaries.");
    }
}
