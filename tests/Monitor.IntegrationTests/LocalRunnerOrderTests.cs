using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// The local runner finishes the statements in hand before it discovers more: few messages wait in the queues at
/// once (Azurite's cost per call grows with them), and the first source's alerts are out before the next source
/// is even read.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LocalRunnerOrderTests
{
    [Fact]
    public async Task RunCycle_TwoListings_FirstListingsStatementsAreFetchedAndMailedBeforeTheSecondListingIsRead()
    {
        var requests = new ConcurrentQueue<(string Path, int MailsSoFar)>();
        PipelineHarness? running = null;
        await using var harness = await PipelineHarness.StartAsync(
            [TestData.ListingSource("first", "first/", "a.s"), TestData.ListingSource("second", "second/", "a.s")],
            [TestData.Topic("lachin-corridor", "Lachin corridor")],
            [TestData.Subscriber("analyst@example.org", "lachin-corridor")],
            // One message per batch: the order of the work is the runner's choice, not a batch's.
            new Dictionary<string, string?> { ["LocalRunner:BatchSize"] = "1", ["LocalRunner:Concurrency"] = "1" },
            beforeStart: site =>
            {
                foreach (var name in new[] { "first", "second" })
                {
                    var links = string.Concat(Enumerable.Range(1, 3).Select(i => $"<a class=\"s\" href=\"/{name}/{i}.html\">Statement {i}</a>"));
                    Serve(site, $"{name}/", $"<html><body>{links}</body></html>");
                    for (var i = 1; i <= 3; i++)
                        Serve(site, $"{name}/{i}.html", $"<html><body><article><h1>{name} {i}</h1><p>The Lachin corridor was discussed ({name}, {i}).</p></article></body></html>");
                }
            });
        running = harness;

        await harness.RunCycleAsync();

        var order = requests.Select(r => r.Path).ToList();
        Assert.Equal(8, order.Count);
        var (one, two) = order[0] == "first/" ? ("first", "second") : ("second", "first");
        // Every page of the listing read first is fetched before the other listing is read.
        Assert.All(order.Take(4), p => Assert.StartsWith($"{one}/", p));
        Assert.Equal($"{two}/", order[4]);
        // ... and their three alerts have been mailed by then.
        Assert.Equal(3, requests.Single(r => r.Path == $"{two}/").MailsSoFar);
        Assert.Equal(6, harness.Smtp.Messages.Count);

        void Serve(MinistryMonitor.Cli.Demo.LoopbackSite site, string path, string html) =>
            site.Handle(path, async context =>
            {
                requests.Enqueue((path, running?.Smtp.Messages.Count ?? 0));
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(html);
            });
    }
}
