namespace Monitor.Extraction.Benchmarks;
internal static class SizeBenchmark { public static void Run() { } }
