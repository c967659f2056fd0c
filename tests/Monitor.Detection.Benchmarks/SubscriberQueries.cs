using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>
/// <c>subscribers</c>: the detect stage's one pass per version with 10,000 subscribers' own terms plus the
/// catalogue (src/Monitor.Functions/config/topics.json), over the real statements of the State Department feed.
/// Each subscriber has three terms of the kinds people type: a name or phrase from the news (taken from the
/// statements themselves, so they do match), a word of eight letters or more with its last two letters replaced by
/// a wildcard ("sanctio*"), and a proximity query of two such words. One pass is
/// <see cref="SubscriptionSnapshot.Detect"/>: one scan of the text, the diff against the previous version, the split
/// into public topics and private matches.
/// </summary>
internal static partial class SubscriberQueries
{
    private const int Subscribers = 10_000;
    private const int Seed = 20261207;

    public static int Run(TimeSpan measureFor, Func<Action, TimeSpan, (int Runs, TimeSpan Elapsed, TimeSpan Cpu)> measure)
    {
        var shared = Environment.GetEnvironmentVariable("MONITOR_SHARED_DIR") ?? FindShared();
        var statements = RealStatements.Load(shared);
        var catalogue = TopicCatalog.Load(FindRepoFile("src/Monitor.Functions/config/topics.json"));
        var subscriptions = Queries(statements.Select(s => s.Current).ToList(), new Random(Seed));

        var build = Stopwatch.StartNew();
        var snapshot = new SubscriptionSnapshot("bench", catalogue, subscriptions);
        build.Stop();
        var chars = statements.Sum(s => (long)s.Current.Length);
        Console.WriteLine($"real statements: {statements.Count:N0} versions ({statements.Count(s => s.Previous is not null):N0} edits of an earlier version), {chars / statements.Count:N0} chars on average, from {shared}");
        Console.WriteLine($"matcher: {catalogue.Count:N0} catalogue topics + {Subscribers:N0} subscribers x 3 own terms = {snapshot.Detector.Topics.Count:N0} topics, compiled in {build.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"sample own terms: {string.Join(" | ", subscriptions.Take(3).SelectMany(s => s.Terms))}");

        if (Environment.GetCommandLineArgs().Contains("--profile"))
        {
            Profile.Run(statements.MaxBy(s => s.Current.Length).Current, (MentionDetector)snapshot.Detector);
            return 0;
        }
        var (publicMentions, privateMentions, publicTopics) = (0, 0, 0);
        var byKind = new Dictionary<string, int>();
        // Every field of every new mention, snippets included, in order: equal digests mean a change to the detector kept its results.
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (previous, current) in statements)
        {
            var detection = snapshot.Detect(previous, current);
            foreach (var m in detection.NewMentions)
                digest.AppendData(Encoding.UTF8.GetBytes($"{m.TopicId}\u0001{m.TopicName}\u0001{m.Term}\u0001{m.MatchedText}\u0001{m.Start}\u0001{m.Length}\u0001{m.Snippet}\u0001{m.Paragraph}\n"));
            foreach (var topic in detection.PublicTopics) digest.AppendData(Encoding.UTF8.GetBytes($"{topic}\n"));
            publicMentions += detection.Public.NewMentions.Count;
            privateMentions += detection.PrivateMentions.Count;
            publicTopics += detection.PublicTopics.Count;
            foreach (var m in detection.PrivateMentions)
            {
                var kind = m.Term.Contains("NEAR/", StringComparison.Ordinal) ? "near" : m.Term.EndsWith('*') ? "wildcard" : "name";
                byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            }
        }
        Console.WriteLine($"one pass over all versions: {publicMentions:N0} new catalogue mentions, {privateMentions:N0} new own-term matches ({string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value:N0}"))}), {publicTopics:N0} public topic tags");
        Console.WriteLine($"digest of the new mentions and tags: {Convert.ToHexStringLower(digest.GetHashAndReset())[..16]}");

        void Pass()
        {
            foreach (var (previous, current) in statements) snapshot.Detect(previous, current);
        }
        var (runs, elapsed, cpu) = measure(Pass, measureFor);
        var perSecond = runs * statements.Count / elapsed.TotalSeconds;
        var perCpuSecond = runs * statements.Count / cpu.TotalSeconds;
        Console.WriteLine($"detection (match + diff + split), one thread: {perSecond:N0} statements/s wall, {perCpuSecond:N0} per cpu-second (goal >= 1,000)");
        // Snippets are cut when read: the alert stage reads the first distinct ones of each topic (AlertStage, at most 5).
        void PassWithAlertSnippets()
        {
            foreach (var (previous, current) in statements)
            {
                foreach (var topic in snapshot.Detect(previous, current).NewMentions.GroupBy(m => m.TopicId))
                    _ = topic.DistinctBy(m => m.Snippet).Take(5).Count();
            }
        }
        var (alertRuns, alertElapsed, alertCpu) = measure(PassWithAlertSnippets, measureFor);
        Console.WriteLine($"  with the snippets alerts show (<= 5 per topic): {alertRuns * statements.Count / alertElapsed.TotalSeconds:N0} statements/s wall, {alertRuns * statements.Count / alertCpu.TotalSeconds:N0} per cpu-second");
        var (matchRuns, matchElapsed, matchCpu) = measure(() => { foreach (var (_, current) in statements) snapshot.Detector.Match(current); }, measureFor);
        Console.WriteLine($"  of which the scan (Match) alone: {matchRuns * statements.Count / matchElapsed.TotalSeconds:N0} statements/s wall, {matchRuns * statements.Count / matchCpu.TotalSeconds:N0} per cpu-second");
        return 0;
    }

    /// <summary>Three own terms per subscriber, drawn with a fixed seed from the names and words of the statements.</summary>
    private static List<Subscription> Queries(List<string> texts, Random random)
    {
        // Names of two or three capitalised words ("Saharan Africa", "Secretary Blinken"), not a sentence's first words.
        var names = texts.SelectMany(t => Name().Matches(t).Select(m => m.Value))
            .Where(n => !SentenceStarters.Contains(n[..n.IndexOf(' ')]))
            .Distinct(StringComparer.Ordinal).ToList();
        var words = texts.SelectMany(t => Word().Matches(t).Select(m => m.Value.ToLowerInvariant())).Distinct(StringComparer.Ordinal).ToList();
        string Pick(List<string> from) => from[random.Next(from.Count)];
        return Enumerable.Range(0, Subscribers).Select(i => new Subscription
        {
            Address = $"subscriber{i}@example.org",
            Status = SubscriptionStatus.Active,
            OwnTermsId = $"bench{i:D5}",
            // A name, a long word with any ending ("sanctio*"), and two words near each other.
            Terms = [Pick(names), Pick(words)[..^2] + "*", $"{Pick(words)} NEAR/5 {Pick(words)}"],
        }).ToList();
    }

    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "This", "These", "That", "In", "On", "At", "As", "We", "Our", "It", "For", "With", "From", "Today", "And", "But", "By", "To", "Of", "If", "When", "While", "During", "After", "Before",
    };

    private static string FindShared() => Path.Combine(Path.GetDirectoryName(FindRepoFile("Monitor.sln"))!, "..", "shared");

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}{2,}(?: \p{Lu}\p{Ll}{2,}){1,2}\b")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b\p{L}{8,}\b")]
    private static partial Regex Word();
}
