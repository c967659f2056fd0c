namespace Monitor.Extraction.Benchmarks;
internal static class ReadabilityComparison { public static void Run(string pagesFolder) { } }
