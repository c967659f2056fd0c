using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Detection.Stemming;

namespace MinistryMonitor.Core.Tests.Detection.Stemming;

public class FrenchStemmerTests
{
    /// <summary>Real stems of different shapes: short ones, ones that start with two vowels or "par"/"col"/"tap", end in a vowel, "qu", "gu", "y" or "ç".</summary>
    private static readonly string[] Stems =
    [
        "p", "ai", "eau", "oi", "par", "col", "tap", "cour", "rapid", "nation", "continu", "libér", "généreu", "respons",
        "public", "économ", "fin", "jou", "envoy", "pay", "ennu", "ambigu", "aigu", "trag", "techn", "commerç", "lanç",
        "form", "admir", "gouvern", "chois", "réuss", "fenêtr", "aim", "vi", "cré", "act", "product", "sens", "moy",
        "ital", "fou", "heur", "mél", "ois", "quot", "bouill", "appel", "pleur",
    ];

    /// <summary>Every ending the algorithm names, and the chains of endings its steps remove one after another.</summary>
    private static readonly string[] Endings =
    [
        "", "s", "e", "es", "x",
        // Step 1.
        "ance", "ique", "isme", "able", "iste", "eux", "ances", "iques", "ismes", "ables", "istes",
        "atrice", "ateur", "ation", "atrices", "ateurs", "ations", "ication", "icateur", "icatrices",
        "logie", "logies", "usion", "ution", "usions", "utions", "ence", "ences",
        "ement", "ements", "ivement", "ativement", "eusement", "ablement", "iquement", "ièrement", "ierement",
        "ité", "ités", "abilité", "icité", "ivité", "if", "ive", "ifs", "ives", "atif", "ative", "icatif", "icatives",
        "eaux", "aux", "euse", "euses", "issement", "issements", "amment", "emment", "ment", "ments", "ément", "iment", "ument",
        // Step 2a.
        "îmes", "îtes", "ît", "i", "ie", "ies", "ir", "ira", "irai", "iraient", "irais", "irait", "iras", "irent", "irez",
        "iriez", "irions", "irons", "iront", "is", "issaient", "issais", "issait", "issant", "issante", "issantes",
        "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons", "it",
        // Step 2b.
        "ions", "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraient", "erais", "erait", "eras", "erez", "eriez",
        "erions", "erons", "eront", "ez", "iez", "âmes", "ât", "âtes", "a", "ai", "aient", "ais", "ait", "ant", "ante",
        "antes", "ants", "as", "asse", "assent", "asses", "assiez", "assions", "eai", "eant", "eassions",
        // Step 4, 5 and 6.
        "ion", "sion", "tion", "ier", "iers", "ière", "ières", "ë", "ës", "us", "ès", "ys", "enne", "onne", "ette",
        "elle", "eille", "ennes", "èd", "éd", "ét", "èst",
    ];

    [Fact]
    public void Stem_SharedTextsLatinWords_AgreeWithLucene()
    {
        var words = StemmerOracle.SharedVocabulary(word => Scripts.Of(word) == Script.Latin);

        Assert.True(words.Count > 10_000, $"only {words.Count} Latin-script words in the shared texts");
        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer(), FrenchStemmer.Stem));
    }

    [Fact]
    public void Stem_RealStemsWithEveryEnding_AgreeWithLucene()
    {
        var words = StemmerOracle.Combine(Stems, Endings).ToList();

        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer(), FrenchStemmer.Stem));
    }

    // The examples of snowballstem.org's French page, which Lucene's version gives too.
    [Theory]
    [InlineData("continuellement", "continuel")]
    [InlineData("continuité", "continu")]
    [InlineData("continuera", "continu")]
    [InlineData("continûment", "continû")]
    [InlineData("maintenait", "mainten")]
    [InlineData("majesté", "majest")]
    public void Stem_DocumentedExample_GivesDocumentedStem(string word, string stem) =>
        Assert.Equal(stem, FrenchStemmer.Stem(word));

    [Fact]
    public void Stem_AdverbInAmment_IsRewrittenThenLosesItsVerbEnding() =>
        Assert.Equal("cour", FrenchStemmer.Stem("couramment"));

    [Fact]
    public void Stem_ItéAfterAbil_RemovesBothInR2() =>
        Assert.Equal("respons", FrenchStemmer.Stem("responsabilité"));

    [Fact]
    public void Stem_YBetweenVowels_StaysAConsonantAndEndsAsI() =>
        Assert.Equal("ennui", FrenchStemmer.Stem("ennuyeux"));

    [Fact]
    public void Stem_WordStartingWithCol_HasRvAfterThirdLetter() =>
        Assert.Equal("colis", FrenchStemmer.Stem("colis"));

    // Today's algorithm gives "bijou" and "ambigu"; Lucene's older one, the oracle, does not.
    [Theory]
    [InlineData("bijoux", "bijoux")]
    [InlineData("ambiguïté", "ambiguït")]
    public void Stem_WordTodaysAlgorithmStemsDifferently_GivesLucenesStem(string word, string stem) =>
        Assert.Equal(stem, FrenchStemmer.Stem(word));

    [Fact]
    public void Stem_WordThatIsItsOwnStem_ReturnsTheSameString()
    {
        var word = new string("fin".AsSpan());

        Assert.Same(word, FrenchStemmer.Stem(word));
    }

    [Fact]
    public void Stem_EmptyWord_ReturnsEmpty() =>
        Assert.Equal("", FrenchStemmer.Stem(""));

    [Fact]
    public void Stem_WordLongerThanTheStackBuffer_IsStemmedLikeLucene()
    {
        var word = string.Concat(Enumerable.Repeat("anti", 40)) + "constitutionnellement";

        Assert.Empty(StemmerOracle.Disagreements([word], () => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer(), FrenchStemmer.Stem));
    }
}
