using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;

namespace MinistryMonitor.Web.Tests;

/// <summary>The operator console in headless Chromium: monitor serve opens it to loopback.</summary>
[Collection(WebArchiveCollection.Name)]
[Trait("Category", "Slow")]
public sealed class OperatorConsoleTests(WebArchiveFixture archive, BrowserFixture browser)
{
    [Fact]
    public async Task Log_RequeuePoisonedMessage_PutsItBackOnItsQueue()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "log").AbsoluteUri);
        Assert.Equal(1, await archive.PoisonedFetchesAsync());
        var row = page.Locator("table.poisoned tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(QueueNames.Fetch, await row.Locator("td").First.InnerTextAsync());
        Assert.Contains("broken.html", await row.Locator("pre.message").InnerTextAsync());

        await row.Locator("button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("requeued="));

        Assert.Contains("is back on its queue", await page.InnerTextAsync("[role=status]"));
        Assert.Equal(0, await page.Locator("table.poisoned tbody tr").CountAsync());
        Assert.Equal(0, await archive.PoisonedFetchesAsync());
        Assert.Equal(1, await archive.Harness.QueueLengthAsync(QueueNames.Fetch));
    }

    [Fact]
    public async Task Sources_AfterTwoCycles_ShowsEachSourceHealthy()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "sources").AbsoluteUri);
        var statuses = await page.Locator("table tbody td.status-ok").AllInnerTextsAsync();
        Assert.Equal(["ok", "ok"], statuses);
    }

    [Fact]
    public async Task Sources_OperatorAlertInTheLog_ListedAsTextWithWhomItWasMailedTo()
    {
        // What the runner records after a cycle; the queue message itself is gone by then.
        var alert = new OperatorAlert(OperatorAlert.SourceFailing, "en-mfa", "Feed at <b>example</b> answered <script>alert(1)</script>", 3, DateTimeOffset.UtcNow);
        var log = archive.Harness.Get<IOperatorAlertLog>();
        var record = await log.RecordAsync(new OperatorAlertRecord(OperatorAlertRecord.IdOf(alert), alert, DateTimeOffset.UtcNow, null, null), CancellationToken.None);
        await log.MarkMailedAsync(record.Id, ["ops@example.org"], DateTimeOffset.UtcNow, CancellationToken.None);

        var (page, dialogs) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "sources").AbsoluteUri);
        var row = page.Locator("tr", new() { HasText = "answered" });

        Assert.Contains("Feed at <b>example</b> answered <script>alert(1)</script>", await row.InnerTextAsync());
        Assert.Contains("ops@example.org", await row.InnerTextAsync());
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task Log_FilterByOutcome_ShowsOnlyTheFailedFetch()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "log?outcome=http-error").AbsoluteUri);
        var rows = await page.Locator("table.log tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("broken.html", r));
    }
}
