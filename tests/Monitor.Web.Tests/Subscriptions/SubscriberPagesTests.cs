using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Web.Tests.Subscriptions;

/// <summary>The subscriber pages in headless Chromium: subscribe, confirm from the e-mail, manage, unsubscribe.</summary>
[Trait("Category", "Slow")]
public sealed class SubscriberPagesTests(WebArchiveFixture archive, BrowserFixture browser) : IClassFixture<WebArchiveFixture>, IClassFixture<BrowserFixture>
{
    private const string Address = "browser-reader@example.org";

    [Fact]
    public async Task SubscribePage_FormThenConfirmationLinkThenManage_SubscribesChangesAndUnsubscribes()
    {
        var (page, dialogs) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "subscribe").AbsoluteUri);
        await page.FillAsync("input[name=address]", Address);
        await page.CheckAsync("input[name=topics][value=lachin-corridor]");
        await page.FillAsync("textarea[name=terms]", "мирный договор\n<script>alert('terms')</script>");
        await page.ClickAsync("button:has-text('Subscribe')");
        Assert.Equal("Check your inbox", await page.InnerTextAsync("h1"));

        var store = archive.Harness.Services.GetRequiredService<ISubscriptionStore>();
        Assert.Equal(SubscriptionStatus.Pending, (await store.GetAsync(Subscription.IdOf(Address), CancellationToken.None))!.Status);
        var confirmation = await WaitForMailAsync(Address);
        var confirmPath = "subscriptions/confirm/" + confirmation.TextBody!.Split("/subscriptions/confirm/")[1].Split(['\r', '\n', ' '])[0];

        // The link from the e-mail shows a button; only the click confirms.
        await page.GotoAsync(new Uri(archive.BaseAddress, confirmPath).AbsoluteUri);
        Assert.Equal(SubscriptionStatus.Pending, (await store.GetAsync(Subscription.IdOf(Address), CancellationToken.None))!.Status);
        await page.ClickAsync("button:has-text('Confirm')");
        Assert.Equal("Subscribed", await page.InnerTextAsync("h1"));
        Assert.Equal(SubscriptionStatus.Active, (await store.GetAsync(Subscription.IdOf(Address), CancellationToken.None))!.Status);

        // The manage link on that page (the same as in every e-mail) is under Web:PublicBaseUrl; open its path here.
        var manage = new Uri(await page.GetAttributeAsync("a:has-text('Manage your alerts')", "href") ?? throw new InvalidOperationException("no manage link"));
        await page.GotoAsync(new Uri(archive.BaseAddress, manage.AbsolutePath.TrimStart('/')).AbsoluteUri);
        Assert.Contains(Address, await page.InnerTextAsync("main"));
        Assert.Contains("<script>alert('terms')</script>", await page.InputValueAsync("textarea[name=terms]"));
        await page.CheckAsync("input[name=mode][value=weekly]");
        await page.SelectOptionAsync("select[name=weeklyOn]", "Friday");
        await page.SelectOptionAsync("select[name=timeZone]", "Asia/Baku");
        await page.ClickAsync("button:has-text('Save')");
        Assert.Contains("Saved.", await page.InnerTextAsync("main"));
        var saved = (await store.GetAsync(Subscription.IdOf(Address), CancellationToken.None))!;
        Assert.Equal((DeliveryMode.Weekly, DayOfWeek.Friday, "Asia/Baku"), (saved.Mode, saved.WeeklyOn, saved.TimeZone));

        // The list offers only real zones; a forged post is refused all the same.
        await page.EvalOnSelectorAsync("select[name=timeZone]", "s => { s.add(new Option('Mars/Olympus', 'Mars/Olympus')); s.value = 'Mars/Olympus'; }");
        await page.ClickAsync("button:has-text('Save')");
        Assert.StartsWith("Time zone: 'Mars/Olympus' is not an IANA time zone", await page.InnerTextAsync("p.error"));

        await page.ClickAsync("button:has-text('Unsubscribe from everything')");
        Assert.Equal("Unsubscribed", await page.InnerTextAsync("h1"));
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await store.GetAsync(Subscription.IdOf(Address), CancellationToken.None))!.Status);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task UnsubscribePage_ForgedToken_SaysTheLinkIsNotValid()
    {
        var (page, _) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(archive.BaseAddress, "unsubscribe/bS5hYmMuMA.Zm9yZ2Vk").AbsoluteUri);

        // The GET only asks (mail scanners follow links); the one-click POST is where the token is checked.
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("button:has-text('Unsubscribe')"), r => r.Request.Method == "POST" && r.Url.Contains("/unsubscribe/", StringComparison.Ordinal));

        Assert.Equal(404, response!.Status);
        Assert.Equal("Link not valid", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task ManagePage_ForgedToken_SaysTheLinkIsNotValid()
    {
        var (page, _) = await browser.NewPageAsync();
        var response = await page.GotoAsync(new Uri(archive.BaseAddress, "subscriptions/manage/bS5hYmMuMA.Zm9yZ2Vk").AbsoluteUri);

        Assert.Equal(404, response!.Status);
        Assert.Equal("Link not valid", await page.InnerTextAsync("h1"));
    }

    private async Task<MimeKit.MimeMessage> WaitForMailAsync(string to)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = archive.Harness.Smtp.Messages.LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to));
            if (found is not null) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail to {to}.");
    }
}
