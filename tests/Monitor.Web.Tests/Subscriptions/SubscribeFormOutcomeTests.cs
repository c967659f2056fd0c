using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Web.Tests.Subscriptions;

/// <summary>
/// Each outcome of posting the subscribe form to monitor serve's Kestrel (Azurite, SMTP on loopback), as a browser
/// posts it (antiforgery cookie and field): the page's status and message, and what was mailed. Each test uses its own
/// address, since an address gets one e-mail per window.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class SubscribeFormOutcomeTests(WebArchiveFixture archive) : IClassFixture<WebArchiveFixture>
{
    [Fact]
    public async Task Post_NewAddress_ConfirmationSentPageAndAnEmailNamingTheTopic()
    {
        var (status, page) = await PostAsync("outcome-new@example.org", ("topics", "lachin-corridor"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Check your inbox</h1>", page);
        Assert.Contains("We sent an e-mail to outcome-new@example.org. Follow the link in it to confirm your alerts", page);
        var mail = Assert.Single(archive.Harness.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "outcome-new@example.org"));
        Assert.Equal("Confirm your Ministry Monitor alerts", mail.Subject);
        Assert.Contains("The topic \"Lachin corridor\", as it happens.", mail.TextBody);
        Assert.DoesNotContain("lachin-corridor", mail.TextBody);
    }

    [Fact]
    public async Task Post_AlreadySubscribedAddress_SamePageAsANewAddressAndTheManageLinkByEmail()
    {
        // analyst@example.org is an active subscriber of the fixture.
        var (status, page) = await PostAsync("analyst@example.org", ("topics", "lachin-corridor"));
        var (_, newPage) = await PostAsync("outcome-unknown@example.org", ("topics", "lachin-corridor"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(MainOf(newPage).Replace("outcome-unknown@example.org", "ADDRESS", StringComparison.Ordinal), MainOf(page).Replace("analyst@example.org", "ADDRESS", StringComparison.Ordinal));
        var mail = archive.Harness.Smtp.Messages.Last(m => m.To.Mailboxes.Any(b => b.Address == "analyst@example.org"));
        Assert.Equal("Your Ministry Monitor alerts", mail.Subject);
        Assert.Contains("/subscriptions/manage/", mail.TextBody);
    }

    [Fact]
    public async Task Post_InvalidAddress_400NamingTheFieldWithTheFormKept()
    {
        var (status, page) = await PostAsync("not-an-address", ("topics", "lachin-corridor"), ("terms", "peace <treaty>"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<p class=\"error\" role=\"alert\" id=\"form-error\">E-mail address: &#x27;not-an-address&#x27; is not an e-mail address (expected name@example.org).</p>", page);
        Assert.Matches("<input type=\"email\" name=\"address\"[^>]*value=\"not-an-address\"[^>]*aria-invalid=\"true\"", page);
        Assert.Contains(">peace &lt;treaty&gt;</textarea>", page);
    }

    [Fact]
    public async Task Post_UnknownTopic_400SayingWhichTopicsThereAre()
    {
        var (status, page) = await PostAsync("outcome-topic@example.org", ("topics", "atlantis"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Topics: &#x27;atlantis&#x27; is not a topic in the catalogue (known: lachin-corridor).", page);
        Assert.DoesNotContain(archive.Harness.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "outcome-topic@example.org"));
    }

    [Fact]
    public async Task Post_NoTopicNorTerms_400AskingForOne()
    {
        var (status, page) = await PostAsync("outcome-nothing@example.org");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Topics: choose at least one catalogue topic or write your own terms.", page);
    }

    [Fact]
    public async Task Post_UnknownTimeZone_400NamingTheZone()
    {
        var (status, page) = await PostAsync("outcome-zone@example.org", ("topics", "lachin-corridor"), ("mode", "daily"), ("timeZone", "Mars/Olympus"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Time zone: &#x27;Mars/Olympus&#x27; is not an IANA time zone", page);
    }

    [Fact]
    public async Task Post_SameAddressTwiceInTheWindow_429SayingAnEmailWentRecentlyAndWhenToRetry()
    {
        await PostAsync("outcome-twice@example.org", ("topics", "lachin-corridor"));
        var (status, page) = await PostAsync("outcome-twice@example.org", ("topics", "lachin-corridor"));

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("<h1>An e-mail went to this address recently</h1>", page);
        Assert.Matches("Try again in \\d+ (hours|minutes)\\.", page);
        Assert.Single(archive.Harness.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "outcome-twice@example.org"));
    }

    [Fact]
    public async Task Post_EnglishUsBrowserWithDigest_StoresItsLocaleAndZoneAndTheEmailSaysSo()
    {
        var (status, _) = await PostAsync("outcome-us@example.org", "en-US,en;q=0.8",
            ("topics", "lachin-corridor"), ("mode", "daily"), ("hour", "7"), ("timeZone", "America/New_York"));

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = await archive.Harness.Services.GetRequiredService<ISubscriptionStore>().GetAsync(Subscription.IdOf("outcome-us@example.org"), CancellationToken.None);
        Assert.Equal(("en-US", "America/New_York", 7), (stored!.Locale, stored.TimeZone, stored.Hour));
        var mail = Assert.Single(archive.Harness.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "outcome-us@example.org"));
        Assert.Contains("in a daily digest at 7:00 AM New York time", mail.TextBody);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en-US\"", mail.HtmlBody);
    }

    [Theory]
    [InlineData("az-AZ,az;q=0.9,en;q=0.8", "Asia/Baku")]
    [InlineData("hy", "Asia/Yerevan")]
    [InlineData("en-GB,en;q=0.9", "Europe/London")]
    [InlineData("en", "UTC")]
    [InlineData(null, "UTC")]
    public async Task Get_AcceptLanguage_SuggestsItsTimeZone(string? acceptLanguage, string zone)
    {
        using var http = Client(acceptLanguage);

        var page = await http.GetStringAsync("subscribe");

        Assert.Matches($"<option value=\"{Regex.Escape(zone)}\" selected>", page);
        Assert.Single(SelectedOption().Matches(Between(page, "name=\"timeZone\"", "</select>")));
    }

    private Task<(HttpStatusCode, string)> PostAsync(string address, params (string Name, string Value)[] fields) => PostAsync(address, null, fields);

    private async Task<(HttpStatusCode, string)> PostAsync(string address, string? acceptLanguage, params (string Name, string Value)[] fields)
    {
        using var http = Client(acceptLanguage);
        var form = await http.GetStringAsync("subscribe");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var body = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("address", address) };
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await http.PostAsync("subscriptions", new FormUrlEncodedContent(body));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private HttpClient Client(string? acceptLanguage)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = archive.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (acceptLanguage is not null) http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return http;
    }

    private static string MainOf(string page) => Between(page, "<main>", "</main>");

    private static string Between(string text, string start, string end)
    {
        var at = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{start}' not in the page");
        return text[at..text.IndexOf(end, at, StringComparison.Ordinal)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<option [^>]*selected")]
    private static partial Regex SelectedOption();
}
