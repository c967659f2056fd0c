using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryMonitor.Archive.Benchmarks;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Infrastructure.Azurite;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Search;
using MinistryMonitor.Infrastructure.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

// 100,000 synthetic archived statements over 20 sources: the catalogue's listing rows in Azurite and the embedded
// Lucene index on disk; then the two figures issue 11 sets goals for (see README.md beside this file).
var count = Argument("--statements", 100_000);
var parallelism = Argument("--parallelism", 8);
var queries = Argument("--queries", 200);
const int Seed = 20261129;
var folder = Directory.CreateTempSubdirectory("monitor-archive-bench-").FullName;
Console.WriteLine($"Ministry Monitor archive benchmark (.NET {Environment.Version}, {Environment.ProcessorCount} logical cores): {count:N0} statements, 20 sources, seed {Seed}");

try
{
    await using var azurite = await AzuriteProcess.StartAsync(null, CancellationToken.None);
    var clients = new StorageClients(MsOptions.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), []);
    await clients.Table(StorageClients.TableNames.StatementTimeline).CreateIfNotExistsAsync();
    var timeline = new TableStatementTimeline(clients, new MonthDirectory());
    var corpus = new SyntheticArchive(Seed, sources: 20);
    var now = DateTimeOffset.UtcNow;

    var write = Stopwatch.StartNew();
    await timeline.RecordManyAsync(Enumerable.Range(0, count).Select(i => corpus.Statement(i, now).Summary), parallelism, CancellationToken.None);
    write.Stop();
    Console.WriteLine($"catalogue: {count:N0} statements listed in Azurite in {write.Elapsed.TotalSeconds:F1} s ({count / write.Elapsed.TotalSeconds:N0}/s; batch transactions of 100 rows, {parallelism} in flight)");

    using var search = new LuceneArchiveSearch(MsOptions.Create(new SearchOptions { IndexPath = Path.Combine(folder, "search") }),
        new HostingEnvironment { ContentRootPath = folder }, NullLogger<LuceneArchiveSearch>.Instance);
    var index = Stopwatch.StartNew();
    foreach (var chunk in Enumerable.Range(0, count).Chunk(5_000))
        await search.IndexAsync(chunk.Select(i => corpus.Statement(i, now).Document).ToList(), CancellationToken.None);
    index.Stop();
    var indexBytes = new DirectoryInfo(Path.Combine(folder, "search")).EnumerateFiles().Sum(f => f.Length);
    Console.WriteLine($"search: {count:N0} statements indexed by Lucene.Net in {index.Elapsed.TotalSeconds:F1} s, index {indexBytes / 1024.0 / 1024:F0} MB on disk");
    Console.WriteLine();

    // Listing one source's last month, first page (50), each source once cold and then 5 more rounds.
    var catalog = new TableArchiveCatalog(null!, null!, timeline, null!, null!, null!);
    var listing = new List<double>();
    var firstRound = new List<double>();
    var listed = 0;
    for (var round = 0; round < 6; round++)
    {
        foreach (var source in corpus.Sources)
        {
            var watch = Stopwatch.StartNew();
            var page = await catalog.ListStatementsAsync(new StatementQuery { SourceId = source, Since = now.AddMonths(-1), PageSize = 50 }, CancellationToken.None);
            watch.Stop();
            (round == 0 ? firstRound : listing).Add(watch.Elapsed.TotalMilliseconds);
            listed += page.Items.Count;
            if (page.Items.Count == 0) throw new InvalidOperationException($"No statements listed for {source}.");
        }
    }
    Console.WriteLine($"listing one source's last month, first page of 50 ({listed / 120} items per page on average):");
    Console.WriteLine($"  first request per source: {Summary(firstRound)}");
    Console.WriteLine($"  later requests:           {Summary(listing)}   (goal: under 1 s)");

    var allSources = Stopwatch.StartNew();
    await catalog.ListStatementsAsync(new StatementQuery { PageSize = 50 }, CancellationToken.None);
    allSources.Stop();
    var topic = Stopwatch.StartNew();
    await catalog.ListStatementsAsync(new StatementQuery { TopicId = "lachin-corridor", PageSize = 50 }, CancellationToken.None);
    topic.Stop();
    Console.WriteLine($"  all sources, first page: {allSources.Elapsed.TotalMilliseconds:F0} ms; one topic, first page: {topic.Elapsed.TotalMilliseconds:F0} ms");
    Console.WriteLine();

    // Word searches over every statement: one word, then two, in the forms the texts use.
    var random = new Random(Seed);
    var words = Enumerable.Range(0, queries).Select(i => i % 2 == 0 ? corpus.QueryWord(random) : corpus.QueryWord(random) + " " + corpus.QueryWord(random)).ToList();
    foreach (var warm in words.Take(20)) await search.SearchAsync(new StatementQuery { Text = warm }, CancellationToken.None);
    var times = new List<double>();
    var hits = new List<long>();
    foreach (var text in words)
    {
        var watch = Stopwatch.StartNew();
        var result = await search.SearchAsync(new StatementQuery { Text = text, PageSize = 20 }, CancellationToken.None);
        watch.Stop();
        times.Add(watch.Elapsed.TotalMilliseconds);
        hits.Add(result.TotalHits);
    }
    hits.Sort();
    Console.WriteLine($"word search over all {count:N0} statements, embedded back end, first page of 20 with snippets ({queries} queries, half one word, half two):");
    Console.WriteLine($"  {Summary(times)}   (goal: p95 under 1 s)");
    Console.WriteLine($"  hits per query: median {hits[hits.Count / 2]:N0}, max {hits[^1]:N0}");
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

int Argument(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string Summary(List<double> ms)
{
    var sorted = ms.Order().ToList();
    double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {sorted[^1]:F1} ms (n={sorted.Count})");
}
