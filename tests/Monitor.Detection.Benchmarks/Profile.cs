using System.Diagnostics;
using Monitor.Core.Detection;

namespace Monitor.Detection.Benchmarks;

internal static class Profile
{
    public static void Run(string text, MentionDetector detector)
    {
        var words = new List<WordSpan>();
        Time("tokenize", () => { words.Clear(); WordTokenizer.Tokenize(text, words); });
        var a = new TopicAutomaton();
        Time("scan-empty", () => { var hits = new List<PhraseHit>(); a.Scan(text, words, hits); });
        var compiled = new CompiledTopics(detector.Topics);
        var hits = new List<PhraseHit>();
        Time("scan-full", () => { hits.Clear(); compiled.Automaton.Scan(text, words, hits); });
        Console.WriteLine($"hits {hits.Count}");
        Time("assemble", () => MentionAssembler.Assemble(compiled, text, words, hits));
        Time("paragraphs", () => TextLayout.Paragraphs(text));
        Time("sentences", () => TextLayout.SentencesOfText(text));
        var sentences = TextLayout.SentencesOfText(text);
        Console.WriteLine($"sentences {sentences.Count}");
        Time("snippets", () => { foreach (var h in hits) { var st = words[h.FirstWord].Start; var i = TextLayout.IndexOf(sentences, st); var r = TextLayout.Snippet(text, sentences[i], st, words[h.LastWord].End); TextNormalizer.CollapseWhitespace(text.AsSpan(r.Start, r.Length)); } });
        Time("uses", () => { var n = 0; foreach (var h in hits) n += compiled.UsesOf(h.Phrase).Count; });
        Time("assemble-10", () => MentionAssembler.Assemble(compiled, text, words, hits.Take(10).ToList()));
        Time("match", () => detector.Match(text));
    }

    private static void Time(string name, Action action)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 500) action();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var n = 0;
        while (sw.ElapsedMilliseconds < 1000) { action(); n++; }
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds / n:F3} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n:F3} ms cpu");
    }
}
