using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MinistryMonitor.Cli.Demo;

namespace MinistryMonitor.Web.Tests;

/// <summary><c>monitor serve</c> as a user runs it: a separate process, after <c>monitor run</c>, on the same data folder.</summary>
[Trait("Category", "Slow")]
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_AfterRunOnce_ServesTheArchivedStatementOnLoopbackAndStopsOnCtrlC()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Set("feed.xml", $$"""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>MFA</title>
              <item><title>On the Lachin corridor</title><link>{{site.UrlOf("s/1")}}</link><guid>s-1</guid>
                <content:encoded><![CDATA[<p>The Lachin corridor must remain open.</p>]]></content:encoded></item>
            </channel></rss>
            """, "application/rss+xml");
        var directory = Directory.CreateTempSubdirectory("monitor-serve-").FullName;
        File.WriteAllText(Path.Combine(directory, "sources.json"), $$"""{ "sources": [ { "id": "mfa", "name": "MFA", "language": "en", "feed": "{{site.UrlOf("feed.xml")}}" } ] }""");
        File.WriteAllText(Path.Combine(directory, "topics.json"), """{ "topics": [ { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor"] } ] }""");
        File.WriteAllText(Path.Combine(directory, "subscriptions.json"), """{ "subscribers": [] }""");
        var files = new[] { "--sources", "sources.json", "--topics", "topics.json", "--subscriptions", "subscriptions.json" };
        var started = new List<Process>();
        try
        {
            var run = Start(directory, ["run", "--once", .. files]);
            started.Add(run);
            // Both pipes are read all along: a process whose unread pipe fills up blocks on its next write.
            var (runOutput, runErrors) = (run.StandardOutput.ReadToEndAsync(), run.StandardError.ReadToEndAsync());
            await run.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(run.ExitCode == 0, await runErrors + await runOutput);

            var serve = Start(directory, ["serve", "--port", "0", .. files]);
            started.Add(serve);
            var serveErrors = serve.StandardError.ReadToEndAsync();
            var line = await ReadLineAsync(serve, l => l.StartsWith("Serving ", StringComparison.Ordinal), serveErrors);
            var serveOutput = serve.StandardOutput.ReadToEndAsync();
            var address = new Uri(line.Split(' ')[1]);
            Assert.Equal("127.0.0.1", address.Host);

            using var client = new HttpClient { BaseAddress = address };
            var page = await client.GetFromJsonAsync<JsonElement>("api/statements?topic=lachin-corridor");
            Assert.Equal("On the Lachin corridor", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
            Assert.Contains("On the Lachin corridor", await client.GetStringAsync(""));

            // Ctrl+C: the server and the Azurite it started stop, and the command exits cleanly.
            using (var signal = Process.Start("kill", ["-INT", serve.Id.ToString(CultureInfo.InvariantCulture)])) await signal.WaitForExitAsync();
            await serve.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
            Assert.Equal(0, serve.ExitCode);
            Assert.Contains("Stopped.", await serveOutput);
        }
        finally
        {
            // A failed assertion must not leave a monitor (and its Azurite) running after the test.
            foreach (var process in started)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
                process.Dispose();
            }
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A killed Azurite may still be closing its files; a leftover temp folder is harmless.
            }
        }
    }

    private static Process Start(string directory, string[] args)
    {
        // Started as from a terminal, where Ctrl+C reaches the command: a test run started in the background by a
        // non-interactive shell ignores SIGINT, and every child would inherit that (coreutils env resets it).
        var psi = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "monitor.dll"), .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The sample site is on loopback, which the SSRF guard refuses by default.
        psi.Environment["Fetch__AllowPrivateNetworks"] = "true";
        psi.Environment["Fetch__MinDelayMilliseconds"] = "0";
        return Process.Start(psi)!;
    }

    private static async Task<string> ReadLineAsync(Process process, Func<string, bool> match, Task<string> errors)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (match(line)) return line;
        throw new InvalidOperationException($"monitor exited without the expected line: {await errors}");
    }
}
