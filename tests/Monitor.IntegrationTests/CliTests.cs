using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MinistryMonitor.Cli.Demo;

namespace MinistryMonitor.IntegrationTests;

/// <summary>The <c>monitor</c> command as a user runs it: a separate process, its own Azurite data folder in the working directory.</summary>
[Trait("Category", "Slow")]
public sealed class CliTests
{
    [Fact]
    public async Task RunOnce_ThenListings_ShowTheFetchesStatementsAndAlertsKeptInTheDataFolder()
    {
        await using var site = await LoopbackSite.StartAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        site.Set("feed.xml", $$"""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>MFA</title>
              <item><title>On the Lachin corridor</title><link>{{site.UrlOf("s/1")}}</link><guid>s-1</guid>
                <content:encoded><![CDATA[<p>The Lachin corridor must remain open.</p>]]></content:encoded></item>
            </channel></rss>
            """, "application/rss+xml");
        var directory = Directory.CreateTempSubdirectory("monitor-cli-").FullName;
        File.WriteAllText(Path.Combine(directory, "sources.json"), $$"""{ "sources": [ { "id": "mfa", "name": "MFA", "language": "en", "feed": "{{site.UrlOf("feed.xml")}}" } ] }""");
        File.WriteAllText(Path.Combine(directory, "topics.json"), """{ "topics": [ { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor"] } ] }""");
        File.WriteAllText(Path.Combine(directory, "subscriptions.json"), """{ "subscribers": [ { "email": "analyst@example.org", "topics": ["lachin-corridor"] } ] }""");
        var smtpSettings = new Dictionary<string, string>
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
        };

        // The site is on loopback, which the SSRF guard refuses by default; the listings below fetch nothing.
        var run = await MonitorAsync(directory, new Dictionary<string, string>(smtpSettings) { ["Fetch__AllowPrivateNetworks"] = "true" }, "run", "--once");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("1 sources due", run.Output);

        var log = JsonLines(await MonitorAsync(directory, smtpSettings, "log", "--json"));
        var entry = Assert.Single(log);
        Assert.Equal(("mfa", "discover", "ok", 1), (entry.GetProperty("sourceId").GetString(), entry.GetProperty("kind").GetString(), entry.GetProperty("outcome").GetString(), entry.GetProperty("itemsNew").GetInt32()));
        var statement = Assert.Single(JsonLines(await MonitorAsync(directory, smtpSettings, "statements", "--json")));
        Assert.StartsWith("mfa/", statement.GetProperty("textBlob").GetString());
        var alert = Assert.Single(JsonLines(await MonitorAsync(directory, smtpSettings, "alerts", "--json")));
        Assert.Equal("lachin-corridor", alert.GetProperty("topicId").GetString());
        Assert.Single(smtp.Messages);
        var health = Assert.Single(JsonLines(await MonitorAsync(directory, smtpSettings, "sources", "--json")));
        Assert.Equal(("mfa", "ok", 1), (health.GetProperty("sourceId").GetString(), health.GetProperty("status").GetString(), health.GetProperty("statementsLast7Days").GetInt32()));
        Assert.Single(JsonLines(await MonitorAsync(directory, smtpSettings, "log", "--source", "mfa", "--outcome", "ok", "--since", "1h", "--json")));
        Assert.Empty(JsonLines(await MonitorAsync(directory, smtpSettings, "log", "--outcome", "http-error", "--json")));
        var badSince = await MonitorAsync(directory, smtpSettings, "log", "--since", "yesterday");
        Assert.NotEqual(0, badSince.ExitCode);
        Assert.Contains("--since 'yesterday' is neither an age", badSince.Output);
        Assert.True(Directory.Exists(Path.Combine(directory, ".monitor", "azurite")));
        // Azurite's debug log grows with every request: only -v turns it on.
        Assert.False(File.Exists(Path.Combine(directory, ".monitor", "azurite", "debug.log")));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Run_SourcesFileWithBadSelector_ExitsWith2NamingFileSourceAndField()
    {
        var directory = Directory.CreateTempSubdirectory("monitor-cli-").FullName;
        File.WriteAllText(Path.Combine(directory, "sources.json"),
            """{ "sources": [ { "id": "az", "name": "AZ", "language": "az", "listing": { "url": "https://mfa.example/", "links": "a[[" } } ] }""");

        var result = await MonitorAsync(directory, new Dictionary<string, string>(), "run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sources.json: entry 'az', field 'listing.links': 'a[[' is not a valid CSS selector", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Directory.Delete(directory, recursive: true);
    }

    internal static List<JsonElement> JsonLines((int ExitCode, string Output) result)
    {
        Assert.True(result.ExitCode == 0, result.Output);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    internal static async Task<(int ExitCode, string Output)> MonitorAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "monitor.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
