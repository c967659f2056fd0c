namespace Monitor.Extraction.Benchmarks;
internal static class SpeedBenchmark { public static void Run(string pagesFolder) { } }
