namespace MinistryMonitor.IntegrationTests;

[Trait("Category", "Slow")]
public sealed class ListingRecheckTests
{
    private const string Listing = "<html><body><a class=\"s\" href=\"/news/1.html\">Statement</a></body></html>";
    private const string Original = "<html><body><article><h1>Statement</h1><p>Consultations continue at expert level.</p></article></body></html>";
    private const string Edited = "<html><body><article><h1>Statement</h1><p>Consultations continue at expert level.</p><p>Traffic through the Lachin corridor must resume.</p></article></body></html>";

    [Theory]
    [InlineData(48, 2, 1)]
    [InlineData(0, 1, 0)]
    public async Task RunCycle_ListingStatementEditedAfterPublication_IsArchivedAgainOnlyWithinTheRecheckWindow(int recheckHours, int versions, int alerts)
    {
        await using var harness = await PipelineHarness.StartAsync(
            [new { id = "mfa", name = "MFA", language = "en", listing = new { url = "{{BASE}}news/", links = "a.s" }, recheckHours }],
            [TestData.Topic("lachin-corridor", "Lachin corridor")],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor")],
            beforeStart: site =>
            {
                site.Set("news/", Listing);
                site.Set("news/1.html", Original);
            });
        await harness.RunCycleAsync();

        harness.Site.Set("news/1.html", Edited);
        await harness.RunCycleAsync();

        Assert.Equal(versions, Assert.Single(await harness.StatementsAsync()).Version);
        Assert.Equal(alerts, (await harness.AlertsAsync()).Count);
        Assert.Equal(alerts, harness.Smtp.Messages.Count);
        Assert.Equal(versions, harness.Site.HitsOf("news/1.html"));
    }
}
