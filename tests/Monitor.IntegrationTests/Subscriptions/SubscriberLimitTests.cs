using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Infrastructure.Storage;
using MinistryMonitor.Infrastructure.Subscriptions;
using static MinistryMonitor.IntegrationTests.Subscriptions.SubscriberTestData;

namespace MinistryMonitor.IntegrationTests.Subscriptions;

/// <summary>
/// The subscriber door's abuse limits on the real web host (monitor serve's Kestrel on loopback, Azurite, SMTP on
/// loopback): one e-mail per address per window whatever is posted, a request budget per client address, and
/// X-Forwarded-For believed only from configured proxies. Time is fake, so the 6-hour window is crossed at once.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SubscriberLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Subscribe_SameAddressAgainWithinTheWindow_Answers429WithRetryAfterAndMailsNothingMore()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await StartAsync();
        await using var web = await StartWebAsync(harness, time);
        using var http = new HttpClient { BaseAddress = web.Address };

        using var first = await http.PostAsJsonAsync("api/subscriptions", new { address = "new@example.org", topics = new[] { "lachin-corridor" } });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        time.Advance(TimeSpan.FromHours(2));
        // Whatever is posted (other topics, own terms), the address was e-mailed two hours ago.
        using var second = await http.PostAsJsonAsync("api/subscriptions", new { address = "NEW@example.org", terms = new[] { "peace treaty" } });

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(TimeSpan.FromHours(4), second.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Single(harness.Smtp.Messages);

        time.Advance(TimeSpan.FromHours(4));
        using var third = await http.PostAsJsonAsync("api/subscriptions", new { address = "new@example.org", topics = new[] { "lachin-corridor" } });
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Equal(2, harness.Smtp.Messages.Count);
    }

    [Fact]
    public async Task Subscribe_ActiveSubscriberAndUnknownAddress_SameAnswersAndOneMailEachPerWindow()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await StartAsync();
        await using var web = await StartWebAsync(harness, time);
        using var http = new HttpClient { BaseAddress = web.Address };

        var answers = new List<(HttpStatusCode, string?, string)>();
        foreach (var address in new[] { "analyst@example.org", "stranger@example.org" }) // the first is subscribed (subscriptions.json)
        {
            for (var i = 0; i < 3; i++)
            {
                using var response = await http.PostAsJsonAsync("api/subscriptions", new { address, topics = new[] { "lachin-corridor" } });
                var body = (await response.Content.ReadAsStringAsync()).Replace(address, "ADDRESS", StringComparison.Ordinal);
                answers.Add((response.StatusCode, response.Headers.RetryAfter?.ToString(), System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "")));
            }
        }

        Assert.Equal(answers.Take(3), answers.Skip(3));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers.Take(3).Select(a => a.Item1));
        // One e-mail each: "already subscribed" to the subscriber, a confirmation to the stranger.
        Assert.Equal(["analyst@example.org", "stranger@example.org"], harness.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task SubscriberPages_MoreRequestsThanTheClientBudget_Answer429WithRetryAfter()
    {
        await using var harness = await StartAsync();
        await using var web = await StartWebAsync(harness, TimeProvider.System, new() { ["Web:SubscriberRequestsPerClient"] = "3", ["Web:SubscriberRequestWindowSeconds"] = "3600" });
        using var http = new HttpClient { BaseAddress = web.Address };

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "subscribe", "subscriptions/manage/x.y", "api/subscriptions/manage/x.y", "subscribe", "api/subscriptions/manage/x.y" })
        {
            using var response = await http.GetAsync(path);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(response.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
                Assert.Equal(path.StartsWith("api/", StringComparison.Ordinal) ? "application/problem+json" : "text/html", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var reader = await http.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode); // the reader is not behind the subscriber budget
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("127.0.0.0/8", true)]
    public async Task XForwardedFor_ProxyConfiguredOrNot_SeparateBudgetsOnlyFromAConfiguredProxy(string? proxy, bool believed)
    {
        await using var harness = await StartAsync();
        var settings = new Dictionary<string, string?> { ["Web:SubscriberRequestsPerClient"] = "1", ["Web:SubscriberRequestWindowSeconds"] = "3600" };
        if (proxy is not null) settings[proxy.Contains('/', StringComparison.Ordinal) ? "Web:KnownNetworks:0" : "Web:KnownProxies:0"] = proxy;
        await using var web = await StartWebAsync(harness, TimeProvider.System, settings);
        using var http = new HttpClient { BaseAddress = web.Address };

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.7", "203.0.113.8" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "subscribe");
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(believed ? [HttpStatusCode.OK, HttpStatusCode.OK] : [HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TryOpenAsync_TwoInstancesOneAddress_OneWindowUntilItPassesAndReleaseReopensIt()
    {
        await using var harness = await StartAsync();
        var time = new FakeTimeProvider(Start);
        var clients = harness.Get<StorageClients>();
        var one = new TableAddressMailWindow(clients, time);
        var other = new TableAddressMailWindow(clients, time);
        var window = TimeSpan.FromHours(6);

        Assert.Null(await one.TryOpenAsync("a@example.org", window, CancellationToken.None));
        time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(Start + window, await other.TryOpenAsync(" A@Example.org ", window, CancellationToken.None));
        Assert.Null(await other.TryOpenAsync("b@example.org", window, CancellationToken.None));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await other.TryOpenAsync("a@example.org", window, CancellationToken.None));
        Assert.Equal(time.GetUtcNow() + window, await one.TryOpenAsync("a@example.org", window, CancellationToken.None));

        await one.ReleaseAsync("a@example.org", CancellationToken.None);
        Assert.Null(await other.TryOpenAsync("a@example.org", window, CancellationToken.None));
        // Nothing in the table names the address.
        var rows = await new Azure.Data.Tables.TableServiceClient(harness.ConnectionString).GetTableClient("MonitorSubscriptions")
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "mailed").ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain(rows, r => r.Select(p => p.Value).Append(r.RowKey).Any(v => v?.ToString()?.Contains("example.org", StringComparison.OrdinalIgnoreCase) == true));
    }

    private static Task<PipelineHarness> StartAsync() => PipelineHarness.StartAsync(
        [TestData.ListingSource("mfa", "news/", "a")],
        [TestData.Topic("lachin-corridor", "Lachin corridor")],
        [TestData.Subscriber("analyst@example.org", "lachin-corridor")],
        beforeStart: site => site.Set("news/", Listing));

    private static Task<LocalWebServer> StartWebAsync(PipelineHarness harness, TimeProvider time, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(harness.Options.Settings);
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return LocalWebServer.StartAsync(harness.Options with { Settings = all }, FreePort(), CancellationToken.None,
            services => services.AddSingleton(time));
    }
}
