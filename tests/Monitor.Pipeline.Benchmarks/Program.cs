using MinistryMonitor.Pipeline.Benchmarks;

// dotnet run -c Release --project tests/Monitor.Pipeline.Benchmarks -- [--sources 200] [--items 20] [--in-memory]
var sources = Argument("--sources", 200);
var items = Argument("--items", 20);
return await PipelineBenchmark.RunAsync(sources, items, args.Contains("--in-memory"), Console.Out);

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}
