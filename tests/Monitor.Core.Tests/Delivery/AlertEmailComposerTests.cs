using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Tests.Delivery;

public sealed class AlertEmailComposerTests
{
    [Fact]
    public void Compose_EditedStatement_SaysSoAndHighlightsTheEscapedMention()
    {
        var alert = new AlertMessage(1, "alert-1", "lachin-corridor", "Lachin corridor", "demo", "Demo MFA", "s1", 2, true,
            "On <transport> & trade", new Uri("https://mfa.example/1"), null, "demo/x/v002.txt", 7,
            [new AlertMention("Lachin corridor", "Traffic through the Lachin corridor <must> resume.", 2)], DateTimeOffset.UnixEpoch);

        var email = Compose(alert, "a@example.org");

        Assert.Equal("[Lachin corridor] Demo MFA: On <transport> & trade (edited)", email.Subject);
        Assert.Contains("an edited statement now mentions \"Lachin corridor\"", email.TextBody);
        Assert.Contains("(6 more mentions in the statement)", email.TextBody);
        Assert.Contains("through the <mark>Lachin corridor</mark> &lt;must&gt; resume.", email.HtmlBody);
        Assert.Contains("On &lt;transport&gt; &amp; trade", email.HtmlBody);
        Assert.EndsWith("@monitor.test", email.MessageId);
        Assert.Equal(email.MessageId, Compose(alert, "A@example.org").MessageId);
        Assert.Equal("<https://monitor.test/unsubscribe/t>", email.Headers["List-Unsubscribe"]);
        Assert.Contains("Unsubscribe: https://monitor.test/unsubscribe/t", email.TextBody);
        Assert.Contains("<a href=\"https://monitor.test/manage/t\">Manage your alerts</a>", email.HtmlBody);
    }

    private static AlertEmail Compose(AlertMessage alert, string to) =>
        AlertEmailComposer.Compose(alert, new MailRecipient(to, null), new Uri("https://monitor.test/statements/demo/s1"),
            new EmailLinks(new Uri("https://monitor.test/unsubscribe/t"), new Uri("https://monitor.test/manage/t")), [], "monitor.test");
}
