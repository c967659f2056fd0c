using System.Text;
using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Core.Tests.Fetching;

public sealed class NextPageLinkTests
{
    private static readonly Uri Feed = new("https://mfa.example/feed/");

    [Theory]
    [InlineData("""<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><atom:link rel="self" href="/feed/"/><atom:link rel="next" href="/feed/?page=2"/></channel></rss>""", "https://mfa.example/feed/?page=2")]
    [InlineData("""<feed xmlns="http://www.w3.org/2005/Atom"><link rel="next" href="https://mfa.example/feed/2"/><entry/></feed>""", "https://mfa.example/feed/2")]
    [InlineData("""<rss version="2.0"><channel><generator>https://wordpress.org/?v=6.5</generator></channel></rss>""", "https://mfa.example/feed/?paged=2")]
    [InlineData("""<rss version="2.0"><channel><title>No paging</title></channel></rss>""", null)]
    [InlineData("""<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><atom:link rel="next" href="javascript:alert(1)"/></channel></rss>""", null)]
    [InlineData("""<rss><channel>not closed""", null)]
    // Read with the loader the entries were read with: a DOCTYPE with HTML entities, or a bare ampersand, keeps the next page.
    [InlineData("""<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Press&nbsp;releases</title><atom:link rel="next" href="/feed/?page=2"/></channel></rss>""", "https://mfa.example/feed/?page=2")]
    [InlineData("""<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Press & statements</title><atom:link rel="next" href="/feed/?page=2"/></channel></rss>""", "https://mfa.example/feed/?page=2")]
    public void InFeed_Links_GivesTheNextPage(string xml, string? expected) =>
        Assert.Equal(expected, NextPageLink.InFeed(Encoding.UTF8.GetBytes(xml), Feed, "application/rss+xml", "en")?.AbsoluteUri);

    [Theory]
    [InlineData("""<html><head><link rel="next" href="/news/page/2/"></head><body></body></html>""", null, "https://mfa.example/news/page/2/")]
    [InlineData("""<html><body><a rel="nofollow next" href="?PAGEN_1=2">Older</a></body></html>""", null, "https://mfa.example/news/?PAGEN_1=2")]
    [InlineData("""<html><body><ul class="pager"><li class="older"><a href="/news/p2">»</a></li></ul></body></html>""", ".pager .older", "https://mfa.example/news/p2")]
    [InlineData("""<html><head><meta name="generator" content="WordPress 6.4"></head><body></body></html>""", null, "https://mfa.example/news/?paged=2")]
    [InlineData("""<html><body><a href="/news/p2">Older</a></body></html>""", null, null)]
    public void InHtml_Links_GivesTheNextPage(string html, string? selector, string? expected) =>
        Assert.Equal(expected, NextPageLink.InHtml(Encoding.UTF8.GetBytes(html), new Uri("https://mfa.example/news/"), selector, "text/html", "en")?.AbsoluteUri);

    [Theory]
    [InlineData("https://mfa.example/feed/", "https://mfa.example/feed/?paged=2")]
    [InlineData("https://mfa.example/feed/?paged=2", "https://mfa.example/feed/?paged=3")]
    [InlineData("https://mfa.example/?cat=4&paged=9&lang=en", "https://mfa.example/?cat=4&paged=10&lang=en")]
    public void WordPressNext_PageUrl_CountsPagedUp(string url, string expected) =>
        Assert.Equal(expected, NextPageLink.WordPressNext(new Uri(url)).AbsoluteUri);
}
