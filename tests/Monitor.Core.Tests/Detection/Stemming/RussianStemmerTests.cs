using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Detection.Stemming;

namespace MinistryMonitor.Core.Tests.Detection.Stemming;

public class RussianStemmerTests
{
    /// <summary>Real stems of different shapes: short ones, ones without a vowel, ending in "а"/"я" (which some endings need before them), "н", "ост" or "ё".</summary>
    private static readonly string[] Stems =
    [
        "в", "ст", "вс", "дел", "мир", "сил", "стран", "закон", "отношен", "сотрудничеств", "безопасн", "важн", "нов",
        "российск", "международн", "говор", "сказ", "дела", "чита", "стоя", "игра", "рабо", "организ", "образова",
        "прин", "сообщ", "подписа", "жёлт", "зелён", "ёмк", "ново", "слаб", "крас", "радост", "мол", "кон", "име",
        "выступа", "заявл", "действ",
    ];

    /// <summary>Every ending the algorithm names, and the chains of endings its steps remove one after another.</summary>
    private static readonly string[] Endings =
    [
        "",
        // Perfective gerunds.
        "в", "вши", "вшись", "ив", "ивши", "ившись", "ыв", "ывши", "ывшись",
        // Adjectives, and participles before them.
        "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому",
        "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
        "емый", "енный", "нная", "вший", "вшая", "ивший", "ывшего", "ющий", "ющая", "ующий", "ующему", "щий", "щая",
        // Reflexives, alone and after verbs and adjectives.
        "ся", "сь", "лся", "лась", "ется", "ются", "ющийся", "вшись", "ться", "итесь", "ущийся",
        // Verbs.
        "ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно",
        "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло",
        "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
        // Nouns.
        "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "иям", "ям",
        "ием", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ия", "ья", "я",
        // Derivational and tidy-up endings.
        "ость", "ости", "остью", "остей", "ост", "ейший", "ейшая", "ейше", "ейшего", "ннейший", "нный", "нн", "ннь", "ь",
    ];

    [Fact]
    public void Stem_SharedTextsCyrillicWords_AgreeWithLucene()
    {
        var words = StemmerOracle.SharedVocabulary(word => Scripts.Of(word) == Script.Cyrillic);

        Assert.True(words.Count > 500, $"only {words.Count} Cyrillic-script words in the shared texts");
        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer(), RussianStemmer.Stem));
    }

    [Fact]
    public void Stem_RealStemsWithEveryEnding_AgreeWithLucene()
    {
        var words = StemmerOracle.Combine(Stems, Endings).ToList();

        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer(), RussianStemmer.Stem));
    }

    // The examples of snowballstem.org's Russian page.
    [Theory]
    [InlineData("вагонов", "вагон")]
    [InlineData("важнейшими", "важн")]
    [InlineData("важничаешь", "важнича")]
    [InlineData("важности", "важност")]
    [InlineData("вавиловка", "вавиловк")]
    public void Stem_DocumentedExample_GivesDocumentedStem(string word, string stem) =>
        Assert.Equal(stem, RussianStemmer.Stem(word));

    [Fact]
    public void Stem_GerundAfterA_KeepsTheA() =>
        Assert.Equal("прочита", RussianStemmer.Stem("прочитав"));

    [Fact]
    public void Stem_ReflexiveVerb_LosesBothEndings() =>
        Assert.Equal("занима", RussianStemmer.Stem("занимался"));

    [Fact]
    public void Stem_OstInR2_IsRemoved() =>
        Assert.Equal("безопасн", RussianStemmer.Stem("безопасности"));

    // Lucene's version is older than the algorithm's handling of "ё" (today: "желт"): "ё" is no vowel, so RV
    // starts after "ы" and only the noun ending "й" is in it.
    [Fact]
    public void Stem_WordWithYo_TreatsYoAsAConsonant() =>
        Assert.Equal("жёлты", RussianStemmer.Stem("жёлтый"));

    [Fact]
    public void Stem_WordWithoutVowel_IsUnchanged() =>
        Assert.Equal("вкр", RussianStemmer.Stem("вкр"));

    [Fact]
    public void Stem_EmptyWord_ReturnsEmpty() =>
        Assert.Equal("", RussianStemmer.Stem(""));

    [Fact]
    public void Stem_WordLongerThanTheStackBuffer_IsStemmedLikeLucene()
    {
        var word = string.Concat(Enumerable.Repeat("сверх", 40)) + "ответственностью";

        Assert.Empty(StemmerOracle.Disagreements([word], () => new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer(), RussianStemmer.Stem));
    }
}
