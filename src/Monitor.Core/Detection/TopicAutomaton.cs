using System.Collections.Concurrent;

namespace Monitor.Core.Detection;

/// <summary>A phrase found in a text: which phrase, and the first and last word it covers.</summary>
internal readonly record struct PhraseHit(int Phrase, int FirstWord, int LastWord);

/// <summary>
/// A trie over normalised words (one symbol per word form) holding every phrase of every topic. A text is
/// scanned word by word; from each word that is the start of some phrase the trie is walked forward. The cost
/// per word is a cache lookup plus, for the few words that occur in some phrase, one hash probe per step —
/// independent of how many topics there are.
/// </summary>
internal sealed class TopicAutomaton
{
    private const int Root = 0;
    private const int MaxCachedWords = 500_000;

    private readonly Dictionary<string, int> symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> transitions = [];
    private readonly List<List<int>?> outputs = [null];
    private readonly Dictionary<string, int> phraseIds = new(StringComparer.Ordinal);
    private readonly SortedSet<int> prefixLengths = [];
    private readonly ConcurrentDictionary<string, WordSymbols> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WordSymbols>.AlternateLookup<ReadOnlySpan<char>> cacheBySpan;
    private int[] prefixLengthArray = [];
    private int nodeCount = 1;

    public TopicAutomaton()
    {
        cacheBySpan = cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int PhraseCount => phraseIds.Count;

    public int NodeCount => nodeCount;

    /// <summary>Adds a phrase (once, however many topics use it) and returns its id.</summary>
    public int Add(PhraseSpec phrase)
    {
        var words = WordTokenizer.Tokenize(phrase.Text).Select(w => WordForms.Of(phrase.Text.AsSpan(w.Start, w.Length))).ToList();
        var prefix = phrase.Prefix || (!phrase.CaseSensitive && words.Any(w => w.Script == Script.Armenian || Scripts.LooksAzerbaijani(w.Lower)));
        // Endings cannot be told from the word itself when it is this short ("AB*").
        if (prefix && words[^1].FoldForm.Length < 3) prefix = phrase.Prefix && words[^1].FoldForm.Length > 0;

        var identity = (phrase.CaseSensitive ? "x|" : prefix ? "p|" : "s|")
            + string.Join(' ', words.Select(w => phrase.CaseSensitive ? w.Keys[(int)Chain.Exact] : w.FoldForm));
        if (phraseIds.TryGetValue(identity, out var existing)) return existing;
        var id = phraseIds.Count;
        phraseIds.Add(identity, id);
        cache.Clear(); // cached words carry symbols of the previous vocabulary

        if (phrase.CaseSensitive)
        {
            Insert(words.Select(w => w.Keys[(int)Chain.Exact]!), id);
        }
        else if (prefix)
        {
            var last = words[^1].FoldForm;
            prefixLengths.Add(last.Length);
            prefixLengthArray = [.. prefixLengths];
            Insert(words.Take(words.Count - 1).Select(w => w.Keys[(int)Chain.Fold]!).Append(WordForms.PrefixKey(last)), id);
        }
        else
        {
            var inserted = false;
            foreach (var chain in new[] { Chain.English, Chain.French, Chain.German, Chain.Russian })
            {
                if (words.Any(w => w.Keys[(int)chain] is null)) continue;
                foreach (var path in StemPaths(words, chain)) Insert(path, id);
                inserted = true;
            }
            if (!inserted) Insert(words.Select(w => w.Keys[(int)Chain.Fold]!), id);
        }
        return id;
    }

    /// <summary>
    /// Each word of a term matches a text word with the same stem, or a text word whose stem is the term word
    /// itself: stemmers over-cut some dictionary forms (Snowball Russian reads the "-ах" of "Карабах" as an
    /// ending), while the inflected forms in the text ("Карабаха", "Карабахе") stem back to the dictionary form.
    /// </summary>
    private static IEnumerable<IEnumerable<string>> StemPaths(List<WordForms> words, Chain chain)
    {
        const int MaxWordsWithAlternatives = 4;
        var options = words.Select(w =>
        {
            var stem = w.Keys[(int)chain]!;
            var whole = string.Concat(stem.AsSpan(0, 2), TextNormalizer.Fold(w.Lower));
            return stem == whole || words.Count > MaxWordsWithAlternatives ? new[] { stem } : new[] { stem, whole };
        }).ToList();
        IEnumerable<IEnumerable<string>> paths = [[]];
        foreach (var choice in options)
            paths = paths.SelectMany(path => choice.Select(key => path.Append(key))).ToList();
        return paths;
    }

    private void Insert(IEnumerable<string> keys, int phrase)
    {
        var node = Root;
        foreach (var key in keys)
        {
            if (!symbols.TryGetValue(key, out var symbol))
            {
                symbol = symbols.Count;
                symbols.Add(key, symbol);
            }
            var edge = Edge(node, symbol);
            if (!transitions.TryGetValue(edge, out var next))
            {
                next = nodeCount++;
                transitions.Add(edge, next);
                outputs.Add(null);
            }
            node = next;
        }
        var list = outputs[node] ??= [];
        if (!list.Contains(phrase)) list.Add(phrase);
    }

    /// <summary>Every occurrence of every phrase, at most one per phrase and start word.</summary>
    public void Scan(string text, List<WordSpan> words, List<PhraseHit> hits)
    {
        var forms = new WordSymbols[words.Count];
        for (var i = 0; i < words.Count; i++) forms[i] = Lookup(text.AsSpan(words[i].Start, words[i].Length));

        var seen = new HashSet<long>();
        for (var i = 0; i < forms.Length; i++)
        {
            if (!forms[i].Matters) continue;
            for (var chain = 0; chain < WordForms.ChainCount; chain++)
            {
                var hasPrefixEdges = chain == (int)Chain.Fold;
                if (forms[i].Symbols[chain] < 0 && !(hasPrefixEdges && forms[i].Prefixes.Length > 0)) continue;
                var node = Root;
                for (var j = i; j < forms.Length; j++)
                {
                    var word = forms[j];
                    if (hasPrefixEdges)
                    {
                        foreach (var prefix in word.Prefixes)
                        {
                            if (transitions.TryGetValue(Edge(node, prefix), out var end)) Emit(end, i, j, hits, seen);
                        }
                    }
                    var symbol = word.Symbols[chain];
                    if (symbol < 0 || !transitions.TryGetValue(Edge(node, symbol), out var next)) break;
                    node = next;
                    Emit(node, i, j, hits, seen);
                }
            }
        }
    }

    private void Emit(int node, int first, int last, List<PhraseHit> hits, HashSet<long> seen)
    {
        var found = outputs[node];
        if (found is null) return;
        foreach (var phrase in found)
        {
            if (seen.Add(((long)phrase << 32) | (uint)first)) hits.Add(new PhraseHit(phrase, first, last));
        }
    }

    private WordSymbols Lookup(ReadOnlySpan<char> word)
    {
        if (cacheBySpan.TryGetValue(word, out var known)) return known;
        var symbols = Analyse(word);
        // A bounded cache: statements repeat their vocabulary, a flood of unseen words must not grow it forever.
        if (cache.Count >= MaxCachedWords) cache.Clear();
        cacheBySpan.TryAdd(word, symbols);
        return symbols;
    }

    private WordSymbols Analyse(ReadOnlySpan<char> word)
    {
        var forms = WordForms.Of(word);
        var ids = new int[WordForms.ChainCount];
        var matters = false;
        for (var chain = 0; chain < ids.Length; chain++)
        {
            ids[chain] = forms.Keys[chain] is { } key && symbols.TryGetValue(key, out var symbol) ? symbol : -1;
            matters |= ids[chain] >= 0;
        }
        var prefixes = new List<int>();
        foreach (var length in prefixLengthArray)
        {
            if (length > forms.FoldForm.Length) break;
            if (symbols.TryGetValue(WordForms.PrefixKey(forms.FoldForm.AsSpan(0, length)), out var symbol)) prefixes.Add(symbol);
        }
        matters |= prefixes.Count > 0;
        return new WordSymbols(ids, [.. prefixes], matters);
    }

    private static long Edge(int node, int symbol) => ((long)node << 32) | (uint)symbol;

    private sealed record WordSymbols(int[] Symbols, int[] Prefixes, bool Matters);
}
