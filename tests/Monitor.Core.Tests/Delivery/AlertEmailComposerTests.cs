using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Tests.Delivery;

public sealed class AlertEmailComposerTests
{
    private static readonly AlertMessage Edited = new(1, "alert-1f2e3d4c", "lachin-corridor", "Lachin corridor", "demo", "Demo MFA", "s1", 2, true,
        "On <transport> & trade", new Uri("https://mfa.example/1"), new DateTimeOffset(2026, 12, 3, 10, 5, 0, TimeSpan.Zero), "demo/x/v002.txt", 7,
        [new AlertMention("Lachin corridor", "Traffic through the Lachin corridor <must> resume.", 2)], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Compose_EditedStatement_SaysSoAndHighlightsTheEscapedMention()
    {
        var email = Compose(Edited, "a@example.org");

        Assert.Equal("[Lachin corridor] Demo MFA: On <transport> & trade (edited)", email.Subject);
        Assert.Contains("an edited statement now mentions \"Lachin corridor\"", email.TextBody);
        Assert.Contains("(6 more mentions in the statement)", email.TextBody);
        Assert.Matches("through the <mark [^>]*>Lachin corridor</mark> &lt;must&gt; resume.", email.HtmlBody);
        Assert.Contains("On &lt;transport&gt; &amp; trade", email.HtmlBody);
        Assert.EndsWith("@monitor.test", email.MessageId);
        Assert.Equal(email.MessageId, Compose(Edited, "A@example.org").MessageId);
        Assert.Equal("<https://monitor.test/unsubscribe/t>", email.Headers["List-Unsubscribe"]);
        Assert.Contains("Unsubscribe: https://monitor.test/unsubscribe/t", email.TextBody);
        Assert.Matches("<a href=\"https://monitor.test/manage/t\"[^>]*>Manage your alerts</a>", email.HtmlBody);
    }

    [Fact]
    public void Compose_SubscriberInBaku_DatesInBakuTimeWithLangAndTitleAndNoAlertId()
    {
        var email = Compose(Edited, "a@example.org", EmailLocale.For("en-GB", "Asia/Baku"));

        Assert.Contains("Published 3 December 2026, 14:05 Baku time", email.TextBody);
        Assert.Contains("Published 3 December 2026, 14:05 Baku time", email.HtmlBody);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en-GB\"", email.HtmlBody);
        Assert.Contains("<title>[Lachin corridor] Demo MFA: On &lt;transport&gt; &amp; trade (edited)</title>", email.HtmlBody);
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", email.HtmlBody);
        Assert.DoesNotContain("UTC+", email.TextBody + email.HtmlBody);
        Assert.DoesNotContain("1f2e3d4c", email.TextBody + email.HtmlBody);
    }

    [Fact]
    public void Compose_LinkToANonHttpAddress_ShowsItsTextWithoutALink()
    {
        var email = Compose(Edited with { Url = new Uri("javascript:alert(1)") }, "a@example.org");

        Assert.DoesNotContain("href=\"javascript:", email.HtmlBody);
        Assert.Contains("On the ministry&#39;s site", email.HtmlBody);
    }

    private static AlertEmail Compose(AlertMessage alert, string to, EmailLocale? locale = null) =>
        AlertEmailComposer.Compose(alert, new MailRecipient(to, null), new Uri("https://monitor.test/statements/demo/s1"),
            new EmailLinks(new Uri("https://monitor.test/unsubscribe/t"), new Uri("https://monitor.test/manage/t")), [], locale ?? EmailLocale.Default, "monitor.test");
}
