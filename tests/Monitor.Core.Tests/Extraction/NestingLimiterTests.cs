using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class NestingLimiterTests
{
    [Fact]
    public void Limit_OrdinaryPage_ReturnsTheSameInstance()
    {
        const string html = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src=x></div><script>if (a<b) {}</script></body></html>";

        var limited = NestingLimiter.Limit(html, 8, out var changed);

        Assert.False(changed);
        Assert.Same(html, limited);
    }

    [Fact]
    public void Limit_DeeperThanTheCap_DropsTheExcessTagsAndKeepsTheText()
    {
        var html = string.Concat(Enumerable.Repeat("<div class=\"x\">", 10)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 10));

        var limited = NestingLimiter.Limit(html, 4, out var changed);

        Assert.True(changed);
        Assert.Equal(string.Concat(Enumerable.Repeat("<div class=\"x\">", 4)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 4)), limited);
    }

    [Fact]
    public void Limit_TagsInsideScriptsAndComments_AreNotCounted()
    {
        var html = "<div><!-- <div><div><div> --><script>document.write('<div><div><div>')</script>text</div>";

        NestingLimiter.Limit(html, 2, out var changed);

        Assert.False(changed);
    }
}
