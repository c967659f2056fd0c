using System.Text.Json;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Operators;
using MinistryMonitor.Core.Storage;
using static MinistryMonitor.IntegrationTests.Subscriptions.SubscriberTestData;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// Withdrawn statements on the real pipeline (Azurite, a Kestrel site and an SMTP server on loopback, the web host on
/// the same storage): a statement page deleted between two runs is marked withdrawn, shown so on its page, in the
/// listing and the API, its subscriber and the operators are told once, and it is marked restored when it comes back.
/// The recheck schedule is shortened to a few milliseconds so that every run checks.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WithdrawalTests
{
    private const string Analyst = "analyst@example.org";
    private const string Operator = "ops@example.org";

    [Fact]
    public async Task RunCycle_StatementPageDeletedBetweenRuns_IsShownWithdrawnAndItsSubscriberIsToldOnceThenRestored()
    {
        var port = FreePort();
        await using var harness = await StartAsync(port);
        await harness.RunCycleAsync();
        var statement = Assert.Single(await harness.StatementsAsync());
        Assert.Single(MailTo(harness, Analyst)); // the mention itself

        harness.Site.Set("news/", "<html><body></body></html>");
        harness.Site.Remove("news/1.html");
        await harness.RunCycleAsync();

        var withdrawn = Assert.Single(await harness.StatementsAsync());
        Assert.NotNull(withdrawn.WithdrawnAt);
        Assert.Equal("HTTP 404", withdrawn.WithdrawnReason);
        Assert.Equal(statement.Version, withdrawn.Version);
        Assert.NotNull(await harness.ReadArchiveAsync(withdrawn.VersionPath(1, "html")));
        var told = Assert.Single(MailTo(harness, Analyst).Skip(1));
        Assert.StartsWith("[Withdrawn] mfa: Statement on <transport>", told.Subject);
        Assert.Contains("HTTP 404", told.TextBody);
        Assert.Contains("Statement on &lt;transport&gt;", told.HtmlBody);
        Assert.Single(MailTo(harness, Operator), m => m.Subject!.Contains("Statement withdrawn", StringComparison.Ordinal));
        Assert.Contains(await harness.LogAsync(), e => e.Kind == "recheck" && e.Outcome == IngestionOutcome.Withdrawn && e.HttpStatus == 404);

        await using (var web = await LocalWebServer.StartAsync(harness.Options, port, CancellationToken.None))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var page = await http.GetStringAsync($"statements/mfa/{statement.StatementId}");
            Assert.Contains("class=\"withdrawn-notice\"", page);
            Assert.Contains("class=\"withdrawn\"", await http.GetStringAsync("/"));
            using var details = JsonDocument.Parse(await http.GetStringAsync($"api/statements/mfa/{statement.StatementId}"));
            Assert.True(details.RootElement.GetProperty("statement").TryGetProperty("withdrawnAt", out _));
            using var listing = JsonDocument.Parse(await http.GetStringAsync("api/statements?source=mfa"));
            Assert.True(listing.RootElement.GetProperty("items")[0].TryGetProperty("withdrawnAt", out _));
        }

        // The next run checks again and finds it still gone: nothing more is sent; nor by a redelivered check.
        var mails = harness.Smtp.Messages.Count;
        await harness.RunCycleAsync();
        await harness.DispatchAsync(QueueNames.Fetch, new FetchRequest("mfa", statement.StatementId, statement.ItemKey, statement.Url, null,
            DateTimeOffset.UtcNow, Recheck: true, WithdrawalCheck: true));
        await harness.Runner.DrainAsync(CancellationToken.None);
        await harness.Get<MinistryMonitor.Infrastructure.Hosting.OperatorAlertDelivery>().DeliverAsync(CancellationToken.None);
        Assert.Equal(mails, harness.Smtp.Messages.Count);

        harness.Site.Set("news/1.html", Statement("Traffic through the Lachin corridor must resume."));
        await harness.RunCycleAsync();

        var restored = Assert.Single(await harness.StatementsAsync());
        Assert.Null(restored.WithdrawnAt);
        Assert.NotNull(restored.RestoredAt);
        Assert.Equal(statement.Version, restored.Version);
        Assert.StartsWith("[Restored]", MailTo(harness, Analyst).Last().Subject);
        Assert.Contains(await harness.LogAsync(), e => e.Kind == "recheck" && e.Outcome == IngestionOutcome.Restored);
        Assert.Contains(await harness.Get<IOperatorAlertLog>().ReadRecentAsync(100, CancellationToken.None), a => a.Alert.Kind == OperatorAlert.StatementRestored);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public async Task RunCycle_StatementPageFailingTransiently_IsNotMarkedWithdrawn(int status)
    {
        await using var harness = await StartAsync(FreePort());
        await harness.RunCycleAsync();

        harness.Site.Fail("news/1.html", status);
        await harness.RunCycleAsync();

        Assert.Null(Assert.Single(await harness.StatementsAsync()).WithdrawnAt);
        Assert.DoesNotContain(harness.Smtp.Messages, m => m.Subject!.StartsWith("[Withdrawn]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunCycle_StatementPageRedirectingToTheHomePage_IsMarkedWithdrawn()
    {
        await using var harness = await StartAsync(FreePort());
        await harness.RunCycleAsync();

        harness.Site.Set("/", "<html><body><h1>Ministry of Foreign Affairs</h1></body></html>");
        harness.Site.Handle("news/1.html", context =>
        {
            context.Response.Redirect("/");
            return Task.CompletedTask;
        });
        await harness.RunCycleAsync();

        var statement = Assert.Single(await harness.StatementsAsync());
        Assert.StartsWith("redirected to ", statement.WithdrawnReason);
        Assert.Equal(1, statement.Version);
    }

    private static Task<PipelineHarness> StartAsync(int webPort) => PipelineHarness.StartAsync(
        [TestData.ListingSource("mfa", "news/", "a")],
        [new { id = "lachin-corridor", name = "Lachin corridor", terms = new[] { "Lachin corridor" } }],
        [TestData.Subscriber(Analyst, "lachin-corridor")],
        settings: new Dictionary<string, string?>
        {
            ["Web:PublicBaseUrl"] = $"http://127.0.0.1:{webPort}/",
            ["Operators:Emails"] = Operator,
            ["Withdrawals:RecentIntervalHours"] = "0.00001",
            ["Withdrawals:OlderIntervalHours"] = "0.00001",
        },
        beforeStart: site =>
        {
            site.Set("news/", Listing);
            site.Set("news/1.html", Statement("Traffic through the Lachin corridor must resume."));
        });

    private static List<MimeKit.MimeMessage> MailTo(PipelineHarness harness, string address) =>
        harness.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
}
