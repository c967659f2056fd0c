using System.Text;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Archive.Benchmarks;

/// <summary>
/// Statements made of real Russian and English word forms (roots with inflectional endings), drawn with a Zipf-like
/// skew so that some words are in most statements and many in few, as in a real archive.
/// </summary>
internal sealed class SyntheticArchive
{
    private static readonly string[] RussianRoots =
    [
        "коридор", "границ", "переговор", "делегаци", "министр", "заявлени", "соглашени", "безопасност", "сотрудничеств", "вопрос",
        "договор", "мир", "визит", "встреч", "развити", "торговл", "энергетик", "транспорт", "регион", "сторон",
        "процесс", "решени", "консультаци", "экономик", "культур", "образовани", "гуманитарн", "помощ", "конфликт", "урегулировани",
        "делимитаци", "демаркаци", "комисси", "совещани", "посольств", "консульств", "гражданин", "закон", "правительств", "президент",
    ];
    private static readonly string[] RussianEndings = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ия", "ии", "ию", "ей"];
    private static readonly string[] EnglishWords =
    [
        "corridor", "border", "negotiation", "delegation", "minister", "statement", "agreement", "security", "cooperation", "question",
        "treaty", "peace", "visit", "meeting", "development", "trade", "energy", "transport", "region", "party",
        "process", "decision", "consultation", "economy", "culture", "education", "humanitarian", "assistance", "conflict", "settlement",
        "delimitation", "demarcation", "commission", "session", "embassy", "consulate", "citizen", "law", "government", "president",
    ];
    private static readonly string[] EnglishEndings = ["", "s", "ed", "ing", "al"];
    private static readonly string[] Topics = ["lachin-corridor", "peace-treaty", "border-delimitation", "energy", "trade"];

    private readonly int seed;
    private readonly string[] vocabulary;
    private readonly double[] cumulative;

    public SyntheticArchive(int seed, int sources)
    {
        this.seed = seed;
        Sources = Enumerable.Range(1, sources).Select(i => $"mfa-{i:00}").ToArray();
        // 40 roots x 14 endings + 40 words x 5 endings, plus 20,000 rarer coined words (names, places, numbers).
        var random = new Random(seed);
        var coined = Enumerable.Range(0, 20_000).Select(i => Coin(random, i % 2 == 0)).ToArray();
        vocabulary = [.. RussianRoots.SelectMany(r => RussianEndings.Select(e => r + e)), .. EnglishWords.SelectMany(w => EnglishEndings.Select(e => w + e)), .. coined];
        // Zipf weights (1/rank) over a shuffled vocabulary.
        random.Shuffle(vocabulary);
        cumulative = new double[vocabulary.Length];
        var sum = 0.0;
        for (var i = 0; i < vocabulary.Length; i++) cumulative[i] = sum += 1.0 / (i + 1);
        for (var i = 0; i < cumulative.Length; i++) cumulative[i] /= sum;
    }

    public string[] Sources { get; }

    /// <summary>A word a reader might type: any vocabulary word, weighted as the texts are.</summary>
    public string QueryWord(Random random) => vocabulary[Pick(random)];

    public (StatementSummary Summary, ArchiveDocument Document) Statement(int n, DateTimeOffset now)
    {
        var random = new Random(HashCode.Combine(seed, n));
        var source = Sources[n % Sources.Length];
        var published = now.AddMinutes(-random.Next(0, 730 * 24 * 60));
        var id = n.ToString("x24");
        var title = Words(random, 8);
        var text = Words(random, 250);
        var topics = Topics.Where(_ => random.NextDouble() < 0.1).ToArray();
        var url = new Uri($"https://{source}.example/statements/{n}");
        var summary = new StatementSummary(source, id, title, url, published, 1, n % 3 == 0 ? "en" : "ru", topics,
            $"{source}/{published:yyyy/MM/dd}/s-{id[..8]}", published, published);
        return (summary, new ArchiveDocument(source, id, 1, title, text, url, published, summary.Language, topics, published));
    }

    private string Words(Random random, int count)
    {
        var sb = new StringBuilder(count * 9);
        for (var i = 0; i < count; i++)
        {
            sb.Append(vocabulary[Pick(random)]);
            sb.Append(i % 17 == 16 ? ". " : " ");
        }
        return sb.ToString();
    }

    private int Pick(Random random)
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static string Coin(Random random, bool cyrillic)
    {
        const string latin = "bcdfghklmnprstvz";
        const string latinVowels = "aeiou";
        const string cyr = "бвгдзклмнпрстх";
        const string cyrVowels = "аеиоу";
        var sb = new StringBuilder();
        for (var i = random.Next(2, 5); i > 0; i--)
        {
            sb.Append(cyrillic ? cyr[random.Next(cyr.Length)] : latin[random.Next(latin.Length)]);
            sb.Append(cyrillic ? cyrVowels[random.Next(cyrVowels.Length)] : latinVowels[random.Next(latinVowels.Length)]);
        }
        return sb.ToString();
    }
}
