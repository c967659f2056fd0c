using System.Diagnostics;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>
/// <c>--subscribers</c>: matching when the topics are subscribers' own terms. A snapshot is built the way the
/// detect stage builds it after a subscription changes: the catalogue (10 topics) plus one compiled topic per
/// active subscription, for 100 and 10,000 subscriptions of three terms each.
/// </summary>
internal static class SubscriberTopics
{
    public static void Run(IReadOnlyList<Topic> generated, string statement, TimeSpan measureFor, Func<Action, TimeSpan, (int Runs, TimeSpan Elapsed, TimeSpan Cpu)> measure)
    {
        var catalogue = generated.Take(10).ToList();
        Console.WriteLine();
        Console.WriteLine("subscriber-defined topics (catalogue of 10 + one own topic per subscription; snapshot = what a subscription change rebuilds):");
        Console.WriteLine($"{"subscriptions",13} {"topics",7} {"rebuild ms",11} {"ms/stmt",8} {"cpu ms",7} {"stmt/s",8} {"stmt/cpu-s",9} {"mentions",9}");
        var perStatement = new Dictionary<int, (double Wall, double Cpu)>();
        foreach (var count in new[] { 100, 10_000 })
        {
            var subscriptions = generated.Take(count).Select((t, i) => new Subscription
            {
                Address = $"subscriber{i}@example.org",
                Terms = t.Terms,
                Status = SubscriptionStatus.Active,
            }).ToList();
            var build = Stopwatch.StartNew();
            var snapshot = new SubscriptionSnapshot($"v{count}", catalogue, subscriptions);
            build.Stop();
            var mentions = snapshot.Detector.Match(statement).Count;
            measure(() => snapshot.Detector.Match(statement), measureFor / 2);
            var (runs, elapsed, cpu) = measure(() => snapshot.Detector.Match(statement), measureFor);
            var ms = elapsed.TotalMilliseconds / runs;
            var cpuMs = cpu.TotalMilliseconds / runs;
            perStatement[count] = (ms, cpuMs);
            Console.WriteLine($"{count,13:N0} {snapshot.Detector.Topics.Count,7:N0} {build.Elapsed.TotalMilliseconds,11:F0} {ms,8:F3} {cpuMs,7:F3} {1000 / ms,8:F0} {1000 / cpuMs,9:F0} {mentions,9:N0}");
        }
        Console.WriteLine($"time ratio 10,000 / 100 subscriptions: {perStatement[10_000].Wall / perStatement[100].Wall:F2} wall, {perStatement[10_000].Cpu / perStatement[100].Cpu:F2} cpu (goal <= 3)");
        Console.WriteLine($"statements of 50 KB per second with 10,000 subscriber topics: {1000 / perStatement[10_000].Wall:F0} wall, {1000 / perStatement[10_000].Cpu:F0} per cpu-second (goal >= 1,000)");
    }
}
