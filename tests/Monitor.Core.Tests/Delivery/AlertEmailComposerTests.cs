using Monitor.Core.Delivery;
using Monitor.Core.Messages;

namespace Monitor.Core.Tests.Delivery;

public sealed class AlertEmailComposerTests
{
    [Fact]
    public void Compose_EditedStatement_SaysSoAndHighlightsTheEscapedMention()
    {
        var alert = new AlertMessage(1, "alert-1", "lachin-corridor", "Lachin corridor", "demo", "Demo MFA", "s1", 2, true,
            "On <transport> & trade", new Uri("https://mfa.example/1"), null, "demo/x/v002.txt", 7,
            [new AlertMention("Lachin corridor", "Traffic through the Lachin corridor <must> resume.", 2)], DateTimeOffset.UnixEpoch);

        var email = AlertEmailComposer.Compose(alert, new Subscriber("a@example.org", "A", ["lachin-corridor"]), "monitor.test");

        Assert.Equal("[Lachin corridor] Demo MFA: On <transport> & trade (edited)", email.Subject);
        Assert.Contains("an edited statement now mentions \"Lachin corridor\"", email.TextBody);
        Assert.Contains("(6 more mentions in the statement)", email.TextBody);
        Assert.Contains("through the <mark>Lachin corridor</mark> &lt;must&gt; resume.", email.HtmlBody);
        Assert.Contains("On &lt;transport&gt; &amp; trade", email.HtmlBody);
        Assert.EndsWith("@monitor.test", email.MessageId);
        Assert.Equal(email.MessageId, AlertEmailComposer.Compose(alert, new Subscriber("A@example.org", null, []), "monitor.test").MessageId);
    }
}
