using System.Diagnostics;
using System.Text;
using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Diffing;
using MinistryMonitor.Detection.Benchmarks;

// Single-threaded throughput of topic matching and of version diffing (see README.md beside this file).
const int Seed = 20240725;
const int StatementBytes = 50 * 1024;
var seconds = args.Select(a => double.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : (double?)null).FirstOrDefault(s => s is not null);
var measureFor = TimeSpan.FromSeconds(seconds ?? 2);
// "subscribers": 10,000 subscribers' own terms plus the catalogue over the real statements (SubscriberQueries.cs).
if (args.FirstOrDefault() == "subscribers") return SubscriberQueries.Run(measureFor, Measure);
// "stemmers VOC LANGUAGE": Core's stemmer against Lucene.Net's over a vocabulary file (StemmerAgreement.cs).
if (args is ["stemmers", var vocabulary, var language]) return StemmerAgreement.Run(vocabulary, language);

Console.WriteLine($"Ministry Monitor detection benchmark (.NET {Environment.Version}, {Environment.ProcessorCount} logical cores, one thread used, seed {Seed})");
Console.WriteLine();

var corpus = new SyntheticCorpus(Seed, vocabularySize: 100_000);
var topicsJson = corpus.TopicsJson(10_000);
var allTopics = TopicCatalog.Parse(topicsJson, "synthetic-topics.json");
// The statement quotes phrases of the first 100 topics, so every topic set below has real matches to report.
var statement = corpus.Statement(StatementBytes, corpus.Phrases.Take(300).ToList());
var statementBytes = Encoding.UTF8.GetByteCount(statement);
Console.WriteLine($"statement: {statementBytes:N0} UTF-8 bytes, {statement.Length:N0} chars, mixed en/ru/az/fr/de");
Console.WriteLine();
if (args.Contains("--profile")) { Profile.Run(statement, new MentionDetector(allTopics)); return 0; }
// The machine is shared: wall time includes waiting for a core, so CPU time of the process is shown beside it.
Console.WriteLine($"{"topics",7} {"terms",7} {"build ms",9} {"cold ms",8} {"ms/stmt",8} {"cpu ms",7} {"stmt/s",8} {"stmt/cpu-s",9} {"MB/s",7} {"mentions",9}");

var counts = new[] { 10, 100, 1_000, 10_000 };
var detectors = new Dictionary<int, (MentionDetector Detector, TimeSpan Build, TimeSpan Cold, int Mentions)>();
foreach (var count in counts)
{
    var build = Stopwatch.StartNew();
    var detector = new MentionDetector(allTopics.Take(count).ToList());
    build.Stop();
    var cold = Stopwatch.StartNew();
    var mentions = detector.Match(statement).Count;
    cold.Stop();
    detectors[count] = (detector, build.Elapsed, cold.Elapsed, mentions);
}
// Let the JIT reach its optimised tier on every path before any figure is taken.
foreach (var count in counts) Measure(() => detectors[count].Detector.Match(statement), measureFor / 2);

var perStatement = new Dictionary<int, double>();
var cpuPerStatement = new Dictionary<int, double>();
foreach (var count in counts)
{
    var (detector, buildTime, coldTime, mentions) = detectors[count];

    var (runs, elapsed, cpu) = Measure(() => detector.Match(statement), measureFor);
    var ms = elapsed.TotalMilliseconds / runs;
    var cpuMs = cpu.TotalMilliseconds / runs;
    perStatement[count] = ms;
    cpuPerStatement[count] = cpuMs;
    Console.WriteLine($"{count,7:N0} {count * 3,7:N0} {buildTime.TotalMilliseconds,9:F0} {coldTime.TotalMilliseconds,8:F1} {ms,8:F3} {cpuMs,7:F3} {1000 / ms,8:F0} {1000 / cpuMs,9:F0} {statementBytes / 1e6 / (ms / 1000),7:F1} {mentions,9:N0}");
}
Console.WriteLine();
Console.WriteLine($"time ratio 10,000 / 100 topics: {perStatement[10_000] / perStatement[100]:F2} wall, {cpuPerStatement[10_000] / cpuPerStatement[100]:F2} cpu (goal <= 3)");
Console.WriteLine($"statements of 50 KB per second at 10,000 topics: {1000 / perStatement[10_000]:F0} wall, {1000 / cpuPerStatement[10_000]:F0} per cpu-second (goal >= 1,000)");

if (args.Contains("--lucene")) LucenePercolation.Run(allTopics, statement, [100, 1_000, 10_000]);
if (args.Contains("--subscribers")) SubscriberTopics.Run(allTopics, statement, measureFor, Measure);

// Diff: two 1 MB versions; the second edits, inserts, deletes and moves paragraphs.
var oldVersion = corpus.Statement(1024 * 1024, corpus.Phrases.Take(300).ToList());
var newVersion = Edit(oldVersion, new Random(Seed));
var full = new MentionDetector(allTopics);
full.Match(newVersion);
var (diffRuns, diffElapsed, _) = Measure(() => TextDiff.Compare(oldVersion, newVersion), measureFor);
var (detectRuns, detectElapsed, _) = Measure(() => full.Detect(oldVersion, newVersion), measureFor);
var result = full.Detect(oldVersion, newVersion);
Console.WriteLine();
Console.WriteLine($"diff of two 1 MB versions ({Encoding.UTF8.GetByteCount(oldVersion):N0} / {Encoding.UTF8.GetByteCount(newVersion):N0} bytes, {result.Diff.Changes.Count:N0} changes recorded):");
Console.WriteLine($"  diff alone:                        {diffElapsed.TotalMilliseconds / diffRuns,8:F1} ms");
Console.WriteLine($"  diff + match, 10,000 topics:       {detectElapsed.TotalMilliseconds / detectRuns,8:F1} ms ({result.NewMentions.Count:N0} new of {full.Match(newVersion).Count:N0} mentions)");
return 0;

static (int Runs, TimeSpan Elapsed, TimeSpan Cpu) Measure(Action action, TimeSpan atLeast)
{
    // Warm-up: fills the word cache and lets the JIT reach its optimised tier before anything is timed.
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed < atLeast / 2) action();
    var runs = 0;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < atLeast || runs < 3)
    {
        action();
        runs++;
    }
    return (runs, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
}

static string Edit(string text, Random random)
{
    var paragraphs = text.Split("\n\n").ToList();
    var edited = new List<string>();
    foreach (var paragraph in paragraphs)
    {
        var roll = random.Next(100);
        if (roll < 2) continue; // deleted
        if (roll < 5) edited.Add(paragraph.Replace(" ", "  ", StringComparison.Ordinal) + " An inserted closing sentence about the Lachin corridor.");
        else if (roll < 7) edited.Add(string.Join(' ', paragraph.Split(' ').Select((w, i) => i % 9 == 4 ? w + "x" : w)));
        else edited.Add(paragraph);
        if (roll is >= 7 and < 9) edited.Add("A new paragraph: peace treaty talks resumed.");
    }
    for (var i = 0; i < edited.Count / 50; i++)
    {
        var from = random.Next(edited.Count);
        var moved = edited[from];
        edited.RemoveAt(from);
        edited.Insert(random.Next(edited.Count), moved);
    }
    return string.Join("\n\n", edited);
}
