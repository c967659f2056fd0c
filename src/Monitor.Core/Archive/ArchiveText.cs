using System.Collections.Concurrent;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Archive;

/// <summary>A word of a text and the search keys it is found by.</summary>
public readonly record struct AnalyzedWord(int Start, int Length, IReadOnlyList<string> Keys);

/// <summary>
/// How the archive search reads text: the detection stage's tokenizer, normaliser and stemmers, so search and
/// alerts agree on what a word is. Each word is indexed under its folded form ("f:коридору") and its stems
/// ("u:коридор"; Latin-script words under their English, French and German stems), so any inflected form of a
/// query word finds it, and the exact form ranks higher because it matches twice.
/// </summary>
public static class ArchiveText
{
    private const int MaxCachedWords = 500_000;
    private static readonly ConcurrentDictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<AnalyzedWord> Words(string text)
    {
        var spans = WordTokenizer.Tokenize(text);
        var words = new AnalyzedWord[spans.Count];
        for (var i = 0; i < spans.Count; i++)
            words[i] = new AnalyzedWord(spans[i].Start, spans[i].Length, Keys(text.Substring(spans[i].Start, spans[i].Length)));
        return words;
    }

    /// <summary>The query's words, each as the keys any of which may match it.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> QueryWords(string query) =>
        Words(query).Select(w => w.Keys).DistinctBy(k => string.Join(' ', k)).ToList();

    /// <summary>The search keys of one word; cached, because stemming dominates the cost of indexing.</summary>
    public static string[] Keys(string word)
    {
        if (Cache.TryGetValue(word, out var keys)) return keys;
        var forms = WordForms.Of(word);
        keys = forms.AllKeys().Where(k => !k.StartsWith("x:", StringComparison.Ordinal)).Distinct().ToArray();
        if (Cache.Count >= MaxCachedWords) Cache.Clear();
        Cache.TryAdd(word, keys);
        return keys;
    }

    /// <summary>
    /// The passage of about <paramref name="maxLength"/> characters holding the most words that match
    /// <paramref name="keys"/>, cut at word boundaries, with those words as highlight ranges.
    /// </summary>
    public static Snippet Snippet(string text, IReadOnlySet<string> keys, int maxLength = 240)
    {
        if (text.Length == 0) return Archive.Snippet.None;
        var words = Words(text);
        var hits = words.Where(w => w.Keys.Any(keys.Contains)).ToList();

        int from, to;
        if (hits.Count == 0)
        {
            from = 0;
            to = Math.Min(text.Length, maxLength);
        }
        else
        {
            // The window starting at a hit that covers the most hits; ties go to the earliest.
            var best = 0;
            var bestCount = 0;
            for (int i = 0, j = 0; i < hits.Count; i++)
            {
                while (j < hits.Count && hits[j].Start + hits[j].Length - hits[i].Start <= maxLength) j++;
                if (j - i > bestCount) (best, bestCount) = (i, j - i);
            }
            var covered = hits[best + bestCount - 1].Start + hits[best + bestCount - 1].Length - hits[best].Start;
            from = Math.Max(0, hits[best].Start - (maxLength - covered) / 3);
            to = Math.Min(text.Length, from + maxLength);
        }
        // Never cut inside a word: a word the window starts or ends in is left out.
        var inside = words.FirstOrDefault(w => w.Start < from && w.Start + w.Length > from);
        if (inside.Keys is not null) from = inside.Start + inside.Length;
        var cut = words.FirstOrDefault(w => w.Start < to && w.Start + w.Length > to);
        if (cut.Keys is not null && cut.Start > from) to = cut.Start;

        var snippet = text[from..to].Trim();
        var offset = from + text[from..to].IndexOf(snippet, StringComparison.Ordinal);
        var ranges = hits.Where(h => h.Start >= offset && h.Start + h.Length <= offset + snippet.Length)
            .Select(h => new TextRange(h.Start - offset, h.Length)).ToList();
        var prefix = from > 0 ? "…" : "";
        var suffix = to < text.Length ? "…" : "";
        return new Snippet(prefix + snippet + suffix, ranges.Select(r => r with { Start = r.Start + prefix.Length }).ToList());
    }
}
