using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.IntegrationTests;

[Trait("Category", "Slow")]
public sealed class SeedStatementTests
{
    [Fact]
    public async Task RunCycle_SeedStatementServedAsPage_AlertsAndMailsOnlyTheTopicsItMentions()
    {
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("ru-mfa", "statements/", "a.statement")],
            [
                TestData.Topic("lachin-corridor", "Lachin corridor"),
                TestData.Topic("nagorno-karabakh", "Nagorno-Karabakh"),
                TestData.Topic("arctic-council", "Arctic Council"),
            ],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor", "nagorno-karabakh", "arctic-council")],
            beforeStart: site =>
            {
                site.Set("statements/", "<html><body><a class=\"statement\" href=\"/statements/trilateral.html\">On the trilateral meeting</a></body></html>");
                site.Set("statements/trilateral.html", TestData.SeedStatementPage());
            });

        var summary = await harness.RunCycleAsync();

        Assert.Equal(0, summary.Poisoned);
        var alerts = await harness.AlertsAsync();
        Assert.Equal(["lachin-corridor", "nagorno-karabakh"], alerts.Select(a => a.TopicId).Order());
        Assert.All(alerts, a => Assert.All(a.Mentions, m => Assert.Contains(m.MatchedText, m.Snippet)));
        Assert.Equal(0, await harness.QueueLengthAsync(QueueNames.Alerts));
        Assert.Equal(0, await harness.QueueLengthAsync(QueueNames.PoisonOf(QueueNames.Alerts)));

        var mails = harness.Smtp.Messages;
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Subject!.Contains("[lachin-corridor]", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Subject!.Contains("[nagorno-karabakh]", StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Equal("analyst@example.org", m.To.Mailboxes.Single().Address));

        var statement = Assert.Single(await harness.StatementsAsync());
        var text = await harness.ReadArchiveAsync(statement.VersionPath(1, "txt"));
        Assert.Contains("Lachin corridor", text);
        Assert.NotNull(await harness.ReadArchiveAsync(statement.VersionPath(1, "html")));
        Assert.NotNull(await harness.ReadArchiveAsync(statement.VersionPath(1, "json")));
        Assert.StartsWith("ru-mfa/", statement.BasePath);
    }
}
