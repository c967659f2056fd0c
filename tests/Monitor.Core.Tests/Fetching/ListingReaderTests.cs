using System.Text;
using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Core.Tests.Fetching;

public sealed class ListingReaderTests
{
    [Fact]
    public void Read_SelectorOnAnchorsOrTheirContainers_ResolvesDeduplicatesAndDropsFragments()
    {
        const string html = """
            <html><head><base href="https://mfa.example/az/"></head><body>
              <div class="item"><a href="news/1">One</a></div>
              <div class="item"><a href="news/1#top">One again</a></div>
              <div class="item"><a href="https://mfa.example/az/news/2">Two</a><a href="mailto:press@mfa.example">mail</a></div>
              <a class="other" href="/about">About</a>
            </body></html>
            """;

        var links = ListingReader.Read(Encoding.UTF8.GetBytes(html), new Uri("https://mfa.example/listing"), ".item");

        Assert.Equal([new Uri("https://mfa.example/az/news/1"), new Uri("https://mfa.example/az/news/2")], links);
    }

    [Fact]
    public void Read_RealAzerbaijaniMfaHomepage_FindsTheDatedPressItems()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("corpora", "ministry-pages", "mfa.gov.az", "mfa-gov-az-homepage-az-2018.html"));

        var links = ListingReader.Read(bytes, new Uri("http://mfa.gov.az/"), "a[href*='/news/']");

        Assert.InRange(links.Count, 90, 110);
        Assert.All(links, l => Assert.Contains("/news/", l.AbsolutePath));
        Assert.Equal(links.Count, links.Distinct().Count());
    }
}
