using System.Diagnostics;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>Time of each stage of <see cref="MentionDetector.Match"/> (<c>--profile</c>), to see where a statement's time goes.</summary>
internal static class Profile
{
    public static void Run(string text, MentionDetector detector)
    {
        var words = new List<WordSpan>();
        Time("tokenize", () => { words.Clear(); WordTokenizer.Tokenize(text, words); });
        var empty = new TopicAutomaton();
        Time("scan, no topics", () => empty.Scan(text, words, []));
        var compiled = new CompiledTopics(detector.Topics);
        var hits = new List<PhraseHit>();
        Time($"scan, {detector.Topics.Count:N0} topics", () => { hits.Clear(); compiled.Automaton.Scan(text, words, hits); });
        Console.WriteLine($"  ({hits.Count:N0} phrase hits)");
        Time("paragraphs", () => TextLayout.Paragraphs(text));
        Time("sentences", () => TextLayout.SentencesOfText(text));
        Time("assemble mentions", () => MentionAssembler.Assemble(compiled, text, words, hits));
        var mentions = MentionAssembler.Assemble(compiled, text, words, hits);
        Console.WriteLine($"  ({mentions.Count:N0} mentions of {mentions.Select(m => m.TopicId).Distinct().Count():N0} topics in {text.Length:N0} chars)");
        var uses = hits.Sum(h => compiled.UsesOf(h.Phrase).Count());
        Console.WriteLine($"  ({uses:N0} uses of the hits: {hits.Select(h => h.Phrase).Distinct().Count():N0} distinct phrases; most-used phrase has {hits.Max(h => compiled.UsesOf(h.Phrase).Count())} uses)");
        Time("match (all of the above)", () => detector.Match(text));
    }

    private static void Time(string name, Action action)
    {
        // Half a second of warm-up lets the JIT reach its optimised tier; process CPU time has a coarse clock, so measure a full second.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 500) action();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        var runs = 0;
        while (watch.ElapsedMilliseconds < 1000)
        {
            action();
            runs++;
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        var kilobytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / runs;
        Console.WriteLine($"{name,-28} {watch.Elapsed.TotalMilliseconds / runs,8:F3} ms wall {cpuMs,8:F3} ms cpu {kilobytes,8:N0} KB allocated {(GC.CollectionCount(0) - collections) / (double)runs,6:F2} gen0 GCs");
    }
}
