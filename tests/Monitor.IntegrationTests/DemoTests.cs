using MinistryMonitor.Cli.Demo;

namespace MinistryMonitor.IntegrationTests;

[Trait("Category", "Slow")]
public sealed class DemoTests
{
    [Fact]
    public async Task RunAsync_ThreeCycles_ArchivesAlertsAndMailsEachChangeOnce()
    {
        var directory = Directory.CreateTempSubdirectory("monitor-demo-").FullName;
        var output = new StringWriter();

        var result = await new DemoRunner(output, directory).RunAsync(verbose: false, CancellationToken.None);

        var (first, second, third) = (result.Cycles[0], result.Cycles[1], result.Cycles[2]);
        Assert.Equal(3, first.StatementsArchived);
        Assert.Contains("peace-treaty@demo-press", first.Alerts);
        Assert.Contains("border-delimitation@demo-press", first.Alerts);
        Assert.DoesNotContain(first.Alerts, a => a.StartsWith("nagorno-karabakh", StringComparison.Ordinal));
        Assert.Equal(2, second.StatementsArchived);
        Assert.Contains("lachin-corridor@demo-press", second.Alerts);
        Assert.DoesNotContain("peace-treaty@demo-press", second.Alerts);
        Assert.Contains(second.Emails, s => s.Contains("(edited)", StringComparison.Ordinal));
        Assert.Equal((0, 0, 0), (third.StatementsArchived, third.Alerts.Count, third.Emails.Count));
        Assert.Equal(first.Emails.Count + second.Emails.Count, Directory.GetFiles(Path.Combine(directory, "mail"), "*.eml").Length);
        Assert.Contains("Statements archived", output.ToString());
        Directory.Delete(directory, recursive: true);
    }
}
