using System.Text;

namespace MinistryMonitor.Detection.Benchmarks;

/// <summary>
/// Deterministic (seeded) words, topics and statements in English, Russian, Azerbaijani, French and German.
/// Words are made of each language's syllables and endings, so stemming and Azerbaijani prefix matching do
/// real work; statements quote topic phrases (in inflected forms) often enough that matches are found.
/// </summary>
internal sealed class SyntheticCorpus
{
    private static readonly string[][] Syllables =
    [
        ["ba", "ter", "lon", "mi", "stra", "co", "rid", "or", "pe", "ace", "tion", "al", "de", "lim", "it", "bor", "der", "gov", "ern", "ment"],
        ["ла", "чин", "ко", "ри", "дор", "мир", "дого", "вор", "гра", "ни", "ца", "де", "ли", "ми", "та", "ци", "пра", "ви", "тель", "ство"],
        ["la", "çın", "dəh", "liz", "sül", "h", "mü", "qa", "vi", "lə", "sər", "həd", "ağ", "ış", "qar", "ba", "ğı", "ya", "zı", "ər"],
        ["cor", "ri", "dor", "trai", "té", "paix", "fron", "tiè", "re", "dé", "li", "mi", "ta", "tion", "gou", "ver", "ne", "ment", "é", "tat"],
        ["grenz", "zie", "hung", "frie", "dens", "ver", "trag", "kor", "ri", "dor", "ab", "kom", "men", "strä", "ße", "über", "gän", "ge", "rung", "ö"],
    ];

    private static readonly string[][] Endings =
    [
        ["", "", "s", "ed", "ing", "'s"],
        ["", "а", "ого", "ому", "ом", "е", "ы", "ой", "ая", "ую"],
        ["", "i", "in", "ində", "inə", "dən", "lar", "ların"],
        ["", "", "s", "es", "e"],
        ["", "", "en", "es", "e", "n"],
    ];

    private const int CommonWords = 1_000;

    private readonly Random random;
    private readonly List<(int Language, string Stem)> vocabulary = [];

    public SyntheticCorpus(int seed, int vocabularySize)
    {
        random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (vocabulary.Count < vocabularySize)
        {
            var language = random.Next(Syllables.Length);
            var builder = new StringBuilder();
            var count = 2 + random.Next(3);
            for (var i = 0; i < count; i++) builder.Append(Syllables[language][random.Next(Syllables[language].Length)]);
            var stem = builder.ToString();
            if (seen.Add(stem)) vocabulary.Add((language, stem));
        }
    }

    public List<string> Phrases { get; } = [];

    /// <summary>Topics of three terms each, one to three words, the words of a term from one language.</summary>
    public string TopicsJson(int count)
    {
        var builder = new StringBuilder("{ \"topics\": [\n");
        for (var t = 0; t < count; t++)
        {
            var terms = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var language = random.Next(Syllables.Length);
                // Mostly two- and three-word phrases, as in real topic lists ("Lachin corridor", "peace treaty").
                var words = random.Next(5) == 0 ? 1 : 2 + random.Next(2);
                var phrase = string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(language)));
                terms.Add(phrase);
                Phrases.Add(phrase);
            }
            builder.Append($"  {{ \"id\": \"topic-{t}\", \"name\": \"Topic {t}\", \"terms\": [{string.Join(", ", terms.Select(p => $"\"{p}\""))}] }}");
            builder.Append(t + 1 < count ? ",\n" : "\n");
        }
        return builder.Append("] }").ToString();
    }

    /// <summary>A statement of at least <paramref name="utf8Bytes"/> bytes: paragraphs of sentences, some quoting a phrase.</summary>
    public string Statement(int utf8Bytes, IReadOnlyList<string> quoted)
    {
        var builder = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < utf8Bytes)
        {
            for (var s = 0; s < 4 + random.Next(4); s++)
            {
                var words = 8 + random.Next(20);
                for (var w = 0; w < words; w++)
                {
                    if (w > 0) builder.Append(random.Next(12) == 0 ? ", " : " ");
                    var word = quoted.Count > 0 && random.Next(150) == 0 ? Inflect(quoted[random.Next(quoted.Count)]) : InflectedWord();
                    builder.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                }
                builder.Append(". ");
            }
            builder.Length--;
            builder.Append("\n\n");
        }
        return builder.ToString().TrimEnd();
    }

    private string Word(int language)
    {
        for (var tries = 0; ; tries++)
        {
            // Topics name things (places, treaties, bodies), not the handful of words every sentence uses.
            var (lang, stem) = vocabulary[CommonWords + random.Next(vocabulary.Count - CommonWords)];
            if (lang == language || tries > 50) return stem;
        }
    }

    private string InflectedWord()
    {
        // Zipf-like: a few words are very common, as in real statements.
        var rank = (int)Math.Min(vocabulary.Count - 1, Math.Floor(Math.Pow(vocabulary.Count, random.NextDouble())));
        var (language, stem) = vocabulary[rank];
        var word = stem + Endings[language][random.Next(Endings[language].Length)];
        return random.Next(10) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }

    private string Inflect(string phrase)
    {
        var words = phrase.Split(' ');
        var last = words[^1];
        var language = Array.FindIndex(Syllables, s => s.Any(last.Contains));
        words[^1] = last + Endings[Math.Max(0, language)][random.Next(Endings[Math.Max(0, language)].Length)];
        return string.Join(' ', words);
    }
}
