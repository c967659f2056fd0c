namespace MinistryMonitor.Core.Detection;

/// <summary>A phrase found in a text: which phrase, and the first and last word it covers.</summary>
internal readonly record struct PhraseHit(int Phrase, int FirstWord, int LastWord);

/// <summary>
/// A trie over normalised words holding every phrase of every topic; its alphabet is word forms (see
/// <see cref="WordForms"/>). A statement is scanned word by word: each distinct word is analysed once (then
/// cached) into the trie nodes it starts and the symbols it can continue a phrase with, so the work per word
/// is a cache lookup plus a probe per live branch — independent of how many topics there are.
/// Build it completely, then share it: scanning only reads it (the word cache is per thread).
/// </summary>
internal sealed class TopicAutomaton
{
    private const int Root = 0;
    private const int MaxWordsWithAlternatives = 4;
    private const int MaxCachedWords = 200_000;

    private readonly Dictionary<string, int> symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> transitions = [];
    private readonly List<List<int>?> outputs = [null];
    private readonly List<bool> hasChildren = [false];
    private readonly Dictionary<string, int> phraseIds = new(StringComparer.Ordinal);
    private readonly SortedSet<int> prefixLengths = [];
    private readonly ThreadLocal<WordCache> caches;
    private int[][]? frozenOutputs;
    private int version;

    public TopicAutomaton()
    {
        caches = new ThreadLocal<WordCache>(() => new WordCache());
    }

    public int PhraseCount => phraseIds.Count;

    public int NodeCount => outputs.Count;

    /// <summary>Adds a phrase (once, however many topics use it) and returns its id.</summary>
    public int Add(PhraseSpec phrase)
    {
        var words = WordTokenizer.Tokenize(phrase.Text).Select(w => WordForms.Of(phrase.Text.AsSpan(w.Start, w.Length))).ToList();
        var prefix = phrase.Prefix || (!phrase.CaseSensitive && words.Any(w => w.Script == Script.Armenian || Scripts.LooksAzerbaijani(w.Lower)));
        // Endings cannot be told from the word itself when it is this short ("AB").
        if (prefix && !phrase.Prefix && words[^1].FoldForm.Length < 3) prefix = false;

        var identity = (phrase.CaseSensitive ? "x|" : prefix ? "p|" : "s|")
            + string.Join(' ', words.Select(w => phrase.CaseSensitive ? w.Exact : w.FoldForm));
        if (phraseIds.TryGetValue(identity, out var existing)) return existing;
        var id = phraseIds.Count;
        phraseIds.Add(identity, id);
        version++;
        frozenOutputs = null;

        if (phrase.CaseSensitive)
        {
            Insert(words.Select(w => w.Exact), id);
        }
        else if (prefix)
        {
            var last = words[^1].FoldForm;
            prefixLengths.Add(last.Length);
            Insert(words.Take(words.Count - 1).Select(w => w.Fold).Append(WordForms.PrefixKey(last)), id);
        }
        else
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var language in Enum.GetValues<StemLanguage>())
            {
                if (words.Any(w => w.Stem(language) is null)) continue;
                foreach (var path in StemPaths(words, language))
                {
                    if (paths.Add(string.Join('\u0001', path))) Insert(path, id);
                }
            }
            if (paths.Count == 0) Insert(words.Select(w => w.Fold), id);
        }
        return id;
    }

    /// <summary>
    /// Each word of a term matches a text word with the same stem, or a text word whose stem is the term word
    /// itself: stemmers over-cut some dictionary forms (Snowball Russian reads the "-ах" of "Карабах" as an
    /// ending), while the inflected forms in the text ("Карабаха", "Карабахе") stem back to the dictionary form.
    /// </summary>
    private static List<List<string>> StemPaths(List<WordForms> words, StemLanguage language)
    {
        List<List<string>> paths = [[]];
        foreach (var word in words)
        {
            var stem = word.Stem(language)!;
            var whole = word.WholeWord(language)!;
            var choices = stem == whole || words.Count > MaxWordsWithAlternatives ? [stem] : new[] { stem, whole };
            paths = paths.SelectMany(path => choices.Select(key => (List<string>)[.. path, key])).ToList();
        }
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
                next = outputs.Count;
                transitions.Add(edge, next);
                outputs.Add(null);
                hasChildren.Add(false);
                hasChildren[node] = true;
            }
            node = next;
        }
        var list = outputs[node] ??= [];
        if (!list.Contains(phrase)) list.Add(phrase);
    }

    /// <summary>Every occurrence of every phrase, at most one per phrase and start word.</summary>
    public void Scan(string text, List<WordSpan> words, List<PhraseHit> hits)
    {
        var ends = frozenOutputs ??= outputs.Select(o => o?.ToArray() ?? []).ToArray();
        var cache = caches.Value!;
        if (cache.Version != version) cache.Reset(version);

        var forms = new WordSymbols[words.Count];
        var lookup = cache.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < forms.Length; i++)
        {
            var span = text.AsSpan(words[i].Start, words[i].Length);
            if (!lookup.TryGetValue(span, out var known))
            {
                if (cache.Words.Count >= MaxCachedWords) cache.Words.Clear(); // statements repeat their words; a flood of new ones must not grow it forever
                known = Analyse(span);
                lookup.TryAdd(span, known);
            }
            forms[i] = known;
        }

        var emitted = new List<int>();
        for (var i = 0; i < forms.Length; i++)
        {
            var starts = forms[i].Starts;
            if (starts.Length == 0) continue;
            emitted.Clear();
            foreach (var node in starts) Walk(node, i, i, forms, ends, hits, emitted);
        }
    }

    private void Walk(int node, int first, int last, WordSymbols[] forms, int[][] ends, List<PhraseHit> hits, List<int> emitted)
    {
        foreach (var phrase in ends[node])
        {
            if (emitted.Contains(phrase)) continue; // reached again through another language's stems
            emitted.Add(phrase);
            hits.Add(new PhraseHit(phrase, first, last));
        }
        if (!hasChildren[node] || last + 1 >= forms.Length) return;
        foreach (var symbol in forms[last + 1].Symbols)
        {
            if (transitions.TryGetValue(Edge(node, symbol), out var next)) Walk(next, first, last + 1, forms, ends, hits, emitted);
        }
    }

    private WordSymbols Analyse(ReadOnlySpan<char> word)
    {
        var forms = WordForms.Of(word);
        var known = new List<int>();
        foreach (var key in forms.AllKeys())
        {
            if (symbols.TryGetValue(key, out var symbol)) known.Add(symbol);
        }
        foreach (var length in prefixLengths)
        {
            if (length > forms.FoldForm.Length) break;
            if (symbols.TryGetValue(WordForms.PrefixKey(forms.FoldForm.AsSpan(0, length)), out var symbol)) known.Add(symbol);
        }
        var starts = new List<int>();
        foreach (var symbol in known)
        {
            if (transitions.TryGetValue(Edge(Root, symbol), out var node)) starts.Add(node);
        }
        return new WordSymbols([.. known], [.. starts]);
    }

    private static long Edge(int node, int symbol) => ((long)node << 32) | (uint)symbol;

    /// <param name="Symbols">Every symbol the word can continue a phrase with.</param>
    /// <param name="Starts">The trie nodes reached by starting a phrase with this word.</param>
    private sealed record WordSymbols(int[] Symbols, int[] Starts);

    private sealed class WordCache
    {
        public int Version { get; private set; } = -1;

        public Dictionary<string, WordSymbols> Words { get; } = new(StringComparer.Ordinal);

        public void Reset(int version)
        {
            Words.Clear();
            Version = version;
        }
    }
}
