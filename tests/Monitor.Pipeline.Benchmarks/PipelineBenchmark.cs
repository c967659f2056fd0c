using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Demo;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Infrastructure.Azurite;

namespace MinistryMonitor.Pipeline.Benchmarks;

/// <summary>
/// Runs the local pipeline (the same stages and runner as <c>monitor run --once</c>) on Azurite against a
/// loopback site of many sources, and prints what the first cycle and an unchanged second cycle cost.
/// </summary>
public static class PipelineBenchmark
{
    /// <param name="inMemory">Azurite keeps everything in memory (the demo's and tests' storage) rather than in a data
    /// directory, as <c>monitor run</c> does by default.</param>
    public static async Task<int> RunAsync(int sources, int items, bool inMemory, TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("monitor-bench-").FullName;
        try
        {
            await using var azurite = await AzuriteProcess.StartAsync(inMemory ? null : Path.Combine(directory, "azurite"), CancellationToken.None);
            await using var site = await LoopbackSite.StartAsync();
            var content = new BenchmarkSite(site, sources, items);
            content.Build();
            File.WriteAllText(Path.Combine(directory, "sources.json"), JsonSerializer.Serialize(new { sources = content.SourceEntries }));
            File.WriteAllText(Path.Combine(directory, "topics.json"), """{ "topics": [ { "id": "lachin", "name": "Lachin corridor", "terms": ["Lachin corridor"] } ] }""");
            File.WriteAllText(Path.Combine(directory, "subscriptions.json"), """{ "subscribers": [] }""");
            var ports = PortsOf(azurite.ConnectionString);
            var counter = new StorageCallCounter(ports.Blob, ports.Queue, ports.Table);

            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions
            {
                SourcesFile = Path.Combine(directory, "sources.json"),
                TopicsFile = Path.Combine(directory, "topics.json"),
                SubscriptionsFile = Path.Combine(directory, "subscriptions.json"),
                DataDirectory = directory,
                Settings = new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                    ["Smtp:PickupDirectory"] = Path.Combine(directory, "mail"),
                    // Every source is on one loopback host: the per-host politeness that protects a ministry would
                    // measure only its own delays here.
                    ["Fetch:AllowPrivateNetworks"] = "true",
                    ["Fetch:MinDelayMilliseconds"] = "0",
                    ["Fetch:MaxConcurrentPerHost"] = "16",
                },
                ConfigureServices = services => services.AddSingleton<HttpPipelinePolicy>(counter),
            }, CancellationToken.None);

            output.WriteLine($"Pipeline benchmark: {sources} sources ({(sources + 1) / 2} feeds, {sources / 2} listings), {items} statements each of ~{BenchmarkSite.StatementBytes / 1024} KB: {content.Statements:N0} statements; {Environment.ProcessorCount} cores; Azurite {(inMemory ? "in memory" : "on disk")}");

            var callsBefore = counter.Snapshot();
            var (monitorCpu, azuriteCpu) = (CpuSeconds(Environment.ProcessId), CpuSeconds(azurite.ProcessId));
            var clock = Stopwatch.StartNew();
            var first = await monitor.Runner.RunCycleAsync(allSources: true, CancellationToken.None);
            var firstTime = clock.Elapsed;
            var served = content.Served();
            var calls = Difference(counter.Snapshot(), callsBefore);
            output.WriteLine();
            output.WriteLine($"First cycle: {firstTime.TotalSeconds:F1} s wall, {first.Processed:N0} messages ({first.Failed} failed, {first.Poisoned} poisoned)");
            output.WriteLine($"  CPU: monitor {CpuSeconds(Environment.ProcessId) - monitorCpu:F1} s, Azurite (node) {CpuSeconds(azurite.ProcessId) - azuriteCpu:F1} s");
            output.WriteLine($"  peak memory (VmHWM): monitor {PeakMegabytes(Environment.ProcessId):F0} MB, Azurite (node) {PeakMegabytes(azurite.ProcessId):F0} MB");
            output.WriteLine($"  HTTP: {served.Requests:N0} requests, {served.BodyBytes / 1048576.0:F1} MB of bodies");
            PrintCalls(output, calls, content.Statements);

            // Cycle 1 kept each discovery page's validators with the statements it queued; cycle 2 finds those
            // archived and sends the validators, so an unchanged site answers every discovery with 304 from cycle 2 on.
            foreach (var cycle in new[] { 2, 3 })
            {
                var callsBeforeCycle = counter.Snapshot();
                var before = content.Served();
                clock.Restart();
                await monitor.Runner.RunCycleAsync(allSources: true, CancellationToken.None);
                var time = clock.Elapsed;
                var after = content.Served();
                var requests = after.Requests - before.Requests;
                var bytes = after.BodyBytes - before.BodyBytes;
                output.WriteLine();
                output.WriteLine($"Unchanged cycle {cycle}: {time.TotalSeconds:F1} s, {requests:N0} requests ({(double)requests / sources:F2} per source), {bytes:N0} body bytes ({(double)bytes / sources:F0} per source)");
                PrintCalls(output, Difference(counter.Snapshot(), callsBeforeCycle), content.Statements);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void PrintCalls(TextWriter output, IReadOnlyDictionary<string, int> calls, int statements)
    {
        output.WriteLine($"  storage calls: {calls.Values.Sum():N0} ({(double)calls.Values.Sum() / statements:F1} per statement)");
        foreach (var (kind, count) in calls.OrderByDescending(c => c.Value))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {kind,-24} {count,8:N0}  {(double)count / statements,6:F2} per statement"));
    }

    private static Dictionary<string, int> Difference(IReadOnlyDictionary<string, int> after, IReadOnlyDictionary<string, int> before) =>
        after.Select(kv => (kv.Key, Count: kv.Value - before.GetValueOrDefault(kv.Key))).Where(p => p.Count > 0).ToDictionary(p => p.Key, p => p.Count);

    /// <summary>User and system CPU time of a process so far (/proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The process's peak resident set (VmHWM in /proc/PID/status), in MB.</summary>
    private static double PeakMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static (int Blob, int Queue, int Table) PortsOf(string connectionString)
    {
        int Port(string key) => new Uri(connectionString.Split(';').Single(p => p.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..]).Port;
        return (Port("BlobEndpoint"), Port("QueueEndpoint"), Port("TableEndpoint"));
    }
}
