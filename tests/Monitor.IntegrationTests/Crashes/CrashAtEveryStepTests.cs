using System.Diagnostics;
using Xunit.Abstractions;

namespace MinistryMonitor.IntegrationTests.Crashes;

/// <summary>
/// Kills the pipeline at every side effect of a replay of real State Department feed snapshots, in turn, resumes
/// with a fresh host on the same storage, and checks that nothing was lost or done twice: every statement archived
/// once per version, every alert raised once, every (alert, recipient) e-mail received exactly once (except a
/// crash in the one documented window, between the SMTP server's acceptance and the claim's completion), nothing
/// poisoned.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CrashAtEveryStepTests(ITestOutputHelper output)
{
    // Snapshots 8 and 10, trimmed to three items: cycle 1 archives two statements, cycle 2 a new one and an edit of
    // the first. Three topics and two subscribers give 4 alerts and 4 e-mails. MONITOR_CRASH_REPLAY=full replays
    // the snapshots untrimmed (hundreds of crash points; not for CI).
    private static readonly int[] SnapshotNumbers = [8, 10];
    private static readonly string[] Items = ["page_id=245703", "page_id=245633", "page_id=245797"];
    private const int Workers = 4;

    [Fact]
    public async Task RunReplay_KilledAtEachSideEffectThenResumed_NothingLostNothingTwiceOutsideTheWindow()
    {
        var full = Environment.GetEnvironmentVariable("MONITOR_CRASH_REPLAY") == "full";
        await using var replay = await CrashReplay.StartAsync(SnapshotNumbers, full ? null : Items);
        var clock = Stopwatch.StartNew();

        var reference = await replay.RunAsync(0, killAt: null);
        var k = reference.Effects.Count;
        Assert.True(reference.Mails.Count >= 4, $"the replay should mail several alerts; it mailed {reference.Mails.Count}");
        Assert.Equal(reference.Mails.Count, reference.Mails.Distinct().Count());
        output.WriteLine($"Reference run: {reference.Statements.Count} statements, {reference.Alerts.Count} alerts, {reference.Mails.Count} e-mails, {k} side effects:");
        output.WriteLine("  " + string.Join(", ", reference.Effects.GroupBy(e => e).Select(g => $"{g.Key} ×{g.Count()}")));

        // The crash points are independent runs, so replays of their own (own storage account, site and SMTP server)
        // take them in turn, Workers at a time: each run spends most of its time waiting for a dead host's lease.
        var workers = new List<CrashReplay> { replay };
        try
        {
            for (var i = 1; i < Math.Min(Workers, k); i++) workers.Add(await CrashReplay.StartAsync(SnapshotNumbers, full ? null : Items));
            var outcomes = new List<(int KillAt, string DiedAt, CrashOutcome Outcome, string Detail)>();
            var next = 0;
            await Task.WhenAll(workers.Select(async worker =>
            {
                for (var killAt = Interlocked.Increment(ref next); killAt <= k; killAt = Interlocked.Increment(ref next))
                {
                    var result = await worker.RunAsync(killAt, killAt);
                    var (outcome, detail) = CrashOutcome.Judge(reference, result);
                    lock (outcomes) outcomes.Add((killAt, result.DiedAt ?? "(did not die)", outcome, detail));
                    if (outcome.IsFailure) output.WriteLine($"k={killAt} died before '{result.DiedAt}': {outcome.Name}: {detail}");
                }
            }));
            outcomes.Sort((a, b) => a.KillAt.CompareTo(b.KillAt));

            output.WriteLine($"K = {k} crash points in {clock.Elapsed.TotalSeconds:F0} s ({workers.Count} at a time)");
            foreach (var group in outcomes.GroupBy(o => o.Outcome.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
                output.WriteLine($"  {group.Key}: {group.Count()}  (at: {string.Join(", ", group.Select(o => o.DiedAt).Distinct())})");

            Assert.Equal(Enumerable.Range(1, k), outcomes.Select(o => o.KillAt));
            Assert.All(outcomes, o => Assert.False(o.Outcome.IsFailure, $"k={o.KillAt}, died before '{o.DiedAt}': {o.Outcome.Name}: {o.Detail}"));
            Assert.All(outcomes.Where(o => o.Outcome == CrashOutcome.WindowDuplicate), o => Assert.True(CrashSwitch.InMailWindow(o.DiedAt)));
        }
        finally
        {
            foreach (var worker in workers.Skip(1)) await worker.DisposeAsync();
        }
    }
}

/// <summary>How a run compares with the run that never crashed.</summary>
public sealed record CrashOutcome(string Name, bool IsFailure)
{
    public static readonly CrashOutcome Clean = new("exactly once", false);
    public static readonly CrashOutcome AlertMessageRepeated = new("alert message sent again, e-mailed once", false);
    public static readonly CrashOutcome WindowDuplicate = new("duplicate e-mail in the documented window", false);
    public static readonly CrashOutcome DuplicateMail = new("DUPLICATE E-MAIL", true);
    public static readonly CrashOutcome LostMail = new("LOST E-MAIL", true);
    public static readonly CrashOutcome WrongStatements = new("STATEMENTS LOST OR VERSIONED TWICE", true);
    public static readonly CrashOutcome WrongAlerts = new("ALERTS LOST OR RAISED TWICE", true);
    public static readonly CrashOutcome Poisoned = new("POISONED MESSAGE", true);

    public static (CrashOutcome Outcome, string Detail) Judge(RunResult reference, RunResult run)
    {
        if (run.Poisoned > 0) return (Poisoned, $"{run.Poisoned} message(s) in poison queues");
        if (!Same(reference.Statements.Select(s => $"{s.Key} v{s.Value}"), run.Statements.Select(s => $"{s.Key} v{s.Value}")))
            return (WrongStatements, string.Join("; ", run.Statements.Select(s => $"{s.Key} v{s.Value}")));
        if (!Same(reference.Alerts, run.Alerts)) return (WrongAlerts, $"{run.Alerts.Count} alerts, expected {reference.Alerts.Count}");

        var lost = reference.Mails.Except(run.Mails).ToList();
        if (lost.Count > 0) return (LostMail, string.Join(", ", lost));
        var twice = run.Mails.GroupBy(m => m).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        if (twice.Count > 0)
            return CrashSwitch.InMailWindow(run.DiedAt) && twice.Count == 1 && run.Mails.Count == reference.Mails.Count + 1
                ? (WindowDuplicate, twice[0])
                : (DuplicateMail, string.Join(", ", twice));
        if (run.Mails.Count != reference.Mails.Count) return (DuplicateMail, $"{run.Mails.Count} e-mails, expected {reference.Mails.Count}");
        return run.AlertMessages > reference.AlertMessages ? (AlertMessageRepeated, $"{run.AlertMessages} alert messages") : (Clean, "");
    }

    private static bool Same(IEnumerable<string> expected, IEnumerable<string> actual) =>
        expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal));
}
