using System.Diagnostics;
using MinistryMonitor.Core.Delivery;

namespace MinistryMonitor.Core.Tests.Delivery;

public sealed class EmailMarksTests
{
    [Fact]
    public void Html_MarkupInTextAndTerm_EncodedAndEachOccurrenceMarked() =>
        Assert.Equal("a &lt;b&gt; <mark>Lachin</mark> c <mark>Lachin</mark>", EmailMarks.Html("a <b> Lachin c Lachin", ["Lachin"]));

    [Fact]
    public void Text_OverlappingTermsAtOnePlace_TheLongerIsMarked() =>
        Assert.Equal("the *Lachin corridor* and *Lachin*", EmailMarks.Text("the Lachin corridor and Lachin", ["Lachin", "Lachin corridor"]));

    [Fact]
    public void Html_LongTextManyMatchesAndAnAbsentTerm_LinearTime()
    {
        var text = string.Concat(Enumerable.Repeat("x corridor ", 50_000));
        var watch = Stopwatch.StartNew();

        var html = EmailMarks.Html(text, ["corridor", "absent-term"]);

        Assert.Equal(50_000, html.Split("<mark>").Length - 1);
        // Scanning the 550,000 characters again for the absent term at each of the 50,000 matches would take many seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
