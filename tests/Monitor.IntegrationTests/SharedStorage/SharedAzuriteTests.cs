using System.Net.Http.Json;
using System.Text.Json;
using MinistryMonitor.Cli.Demo;

namespace MinistryMonitor.IntegrationTests.SharedStorage;

/// <summary>
/// One Azurite per data folder, whatever runs on it: the built <c>monitor</c> started as separate processes, as a
/// user does in two terminals, stopped and killed the ways they end in practice.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SharedAzuriteTests
{
    private const string FeedPath = "feed.xml";

    [Fact]
    public async Task ServeThenRun_OneFolder_RunAttachesToServesAzuriteAndTheLastOneOutStopsIt()
    {
        await using var site = await StartSiteAsync(items: 2);
        using var folder = new DataFolder(site.UrlOf(FeedPath).AbsoluteUri);

        var serve = folder.StartServe();
        var (azurite, supervisor, serveLine) = await DataFolder.StorageOfAsync(serve);
        Assert.Contains("(started here", serveLine);
        var run = folder.Start("run", "-v");
        var (runAzurite, runSupervisor, runLine) = await DataFolder.StorageOfAsync(run);
        await run.WaitForLineAsync(" cycle: ", TimeSpan.FromMinutes(2));

        Assert.Contains("(attached", runLine);
        Assert.Equal((azurite, supervisor), (runAzurite, runSupervisor));
        Assert.Equal([azurite], folder.AzuriteProcesses());

        // The one that started it goes first: the other keeps it.
        await DataFolder.StopAsync(serve);
        Assert.True(MonitorProcess.IsRunning(azurite), "Azurite stopped while `run` still used it");
        var log = await folder.RunAsync("log", "--json");
        Assert.Equal(0, log.ExitCode);
        Assert.Contains("\"outcome\":\"ok\"", log.Output);
        Assert.Equal([azurite], folder.AzuriteProcesses());

        // The last one out: Azurite has flushed and exited by the time the command has.
        await DataFolder.StopAsync(run);
        Assert.False(MonitorProcess.IsRunning(azurite), "Azurite outlived the last command");
        Assert.True(await MonitorProcess.WaitUntilGoneAsync(supervisor, TimeSpan.FromSeconds(5)), "the supervisor outlived the last command");
        Assert.False(File.Exists(folder.RecordPath));
    }

    [Fact]
    public async Task RunKilledWithSigkill_ServeAttached_ServeKeepsWorkingNothingIsLostAndNoAzuriteOutlivesServe()
    {
        await using var site = await StartSiteAsync(items: 3);
        using var folder = new DataFolder(site.UrlOf(FeedPath).AbsoluteUri);
        var run = folder.Start("run", "-v");
        var (azurite, supervisor, _) = await DataFolder.StorageOfAsync(run);
        await run.WaitForLineAsync(" cycle: ", TimeSpan.FromMinutes(2));
        var serve = folder.StartServe();
        Assert.Equal(azurite, (await DataFolder.StorageOfAsync(serve)).Azurite);
        using var client = new HttpClient { BaseAddress = await AddressOfAsync(serve) };

        run.Process.Kill(); // SIGKILL of the command that started Azurite: it runs no code on the way out
        await run.Process.WaitForExitAsync();

        Assert.Equal(3, await CountStatementsAsync(client));
        // Work goes on: another run attaches to the same Azurite and archives what is new, and serve sees it.
        site.Set(FeedPath, Feed(site, items: 5), "application/rss+xml");
        var again = await folder.RunAsync("run", "--once", "-v");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(azurite, DataFolder.StorageIn(again.Output).Azurite);
        Assert.Equal(5, await CountStatementsAsync(client));
        Assert.Equal([azurite], folder.AzuriteProcesses());

        serve.Process.Kill();
        await serve.Process.WaitForExitAsync();
        Assert.True(await MonitorProcess.WaitUntilGoneAsync(azurite, TimeSpan.FromSeconds(30)), "Azurite outlived the last command");
        Assert.True(await MonitorProcess.WaitUntilGoneAsync(supervisor, TimeSpan.FromSeconds(5)), "the supervisor outlived the last command");
        // Everything written through it reached the folder: a fresh Azurite reads it back.
        Assert.Equal(5, await StatementsKeptAsync(folder));
    }

    [Fact]
    public async Task StaleRecord_OwnerAndSupervisorKilled_NextCommandStopsTheOrphanAndTakesOverWithTheData()
    {
        await using var site = await StartSiteAsync(items: 2);
        using var folder = new DataFolder(site.UrlOf(FeedPath).AbsoluteUri);
        var first = await folder.RunAsync("run", "--once");
        Assert.True(first.ExitCode == 0, first.Output);
        var serve = folder.StartServe();
        var (azurite, supervisor, _) = await DataFolder.StorageOfAsync(serve);

        // A crash that takes the supervisor with it: its Azurite is left running, and the record names the dead.
        System.Diagnostics.Process.GetProcessById(supervisor).Kill();
        serve.Process.Kill();
        await serve.Process.WaitForExitAsync();
        Assert.True(await MonitorProcess.WaitUntilGoneAsync(supervisor, TimeSpan.FromSeconds(5)));
        Assert.True(File.Exists(folder.RecordPath));
        Assert.True(MonitorProcess.IsRunning(azurite));

        var next = await folder.RunAsync("run", "--once", "-v");

        Assert.True(next.ExitCode == 0, next.Output);
        Assert.Contains("Took over the storage", next.Output);
        Assert.Contains($"its Azurite (process {azurite}) was stopped", next.Output);
        Assert.False(MonitorProcess.IsRunning(azurite));
        Assert.NotEqual(azurite, DataFolder.StorageIn(next.Output).Azurite);
        Assert.Empty(folder.AzuriteProcesses());
        Assert.Equal(2, await StatementsKeptAsync(folder));
    }

    [Fact]
    public async Task ThreeCommands_StartedAtOnceOnAFreshFolder_OneAzurite()
    {
        await using var site = await StartSiteAsync(items: 1);
        using var folder = new DataFolder(site.UrlOf(FeedPath).AbsoluteUri);

        var serves = Enumerable.Range(0, 3).Select(_ => folder.StartServe()).ToList();
        var storages = await Task.WhenAll(serves.Select(DataFolder.StorageOfAsync));

        Assert.Single(storages.Select(s => s.Azurite).Distinct());
        Assert.Single(storages, s => s.Line.Contains("(started here", StringComparison.Ordinal));
        Assert.Equal([storages[0].Azurite], folder.AzuriteProcesses());
        foreach (var serve in serves) serve.Process.Kill();
        Assert.True(await MonitorProcess.WaitUntilGoneAsync(storages[0].Azurite, TimeSpan.FromSeconds(30)), "Azurite outlived its commands");
    }

    [Fact]
    public async Task RunOnce_WhileAnotherRunWorksOnTheFolder_StopsAtOnceWithBusyNamingIt()
    {
        await using var site = await StartSiteAsync(items: 1);
        using var folder = new DataFolder(site.UrlOf(FeedPath).AbsoluteUri);
        var run = folder.Start("run", "-v");
        var (azurite, _, _) = await DataFolder.StorageOfAsync(run);
        await run.WaitForLineAsync("Checking for due sources", TimeSpan.FromMinutes(1));

        var second = await folder.RunAsync("run", "--once");

        Assert.Equal(75, second.ExitCode);
        Assert.Contains($"`monitor run` (process {run.Process.Id}", second.Output);
        Assert.Equal([azurite], folder.AzuriteProcesses());
        Assert.False(run.Process.HasExited);
    }

    private static async Task<LoopbackSite> StartSiteAsync(int items)
    {
        var site = await LoopbackSite.StartAsync();
        site.Set(FeedPath, Feed(site, items), "application/rss+xml");
        return site;
    }

    /// <summary>A feed whose items carry their text, so a run archives them without fetching pages.</summary>
    private static string Feed(LoopbackSite site, int items) =>
        $"""<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>MFA</title>{string.Concat(Enumerable.Range(1, items).Select(i =>
            $"""<item><title>Statement {i}</title><link>{site.UrlOf($"s/{i}")}</link><guid>s-{i}</guid><content:encoded><![CDATA[<p>Statement number {i} on the talks.</p>]]></content:encoded></item>"""))}</channel></rss>""";

    private static async Task<Uri> AddressOfAsync(MonitorProcess serve) =>
        new((await serve.WaitForLineAsync("Serving ", TimeSpan.FromMinutes(1))).Split(' ')[1]);

    /// <summary>The statements in the folder, read by a command of its own.</summary>
    private static async Task<int> StatementsKeptAsync(DataFolder folder)
    {
        var (code, text) = await folder.RunAsync("statements", "--json");
        Assert.True(code == 0, text);
        return text.Split('\n').Count(l => l.StartsWith('{'));
    }

    private static async Task<int> CountStatementsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("api/statements")).GetProperty("items").GetArrayLength();
}
