using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Detection.Stemming;

namespace MinistryMonitor.Core.Tests.Detection.Stemming;

public class EnglishStemmerTests
{
    /// <summary>
    /// Real stems of every shape the rules test: short syllables ("hop", "ow"), doubled ends ("controll"), y as a
    /// consonant ("say", "yell"), the special R1 prefixes ("gener"), the exceptional words, -li letters, accents.
    /// </summary>
    private static readonly string[] Stems =
    [
        "hop", "tap", "plan", "fit", "ow", "ap", "luxuri", "troubl", "siz", "gener", "commun", "arsen", "nation", "relat",
        "condit", "valen", "hesit", "digit", "conform", "radic", "sens", "analog", "bless", "fruit", "hope", "ski", "sky",
        "cr", "ti", "ga", "kiwi", "say", "boy", "employ", "happ", "agree", "proc", "succ", "exc", "inn", "out", "can",
        "herr", "earr", "controll", "roll", "effect", "dispos", "communic", "formal", "lik", "bab", "whisk", "yell", "y",
        "news", "dy", "ugl", "gent", "sing", "earl", "on", "id", "bia", "café", "naïv", "'tw", "x",
        // Where today's algorithm differs: its added R1 prefixes, short stems with a doubled end, -ogist, -ying.
        "univers", "inter", "past", "organ", "later", "emerg", "ad", "eb", "of", "h", "v", "geol", "even",
    ];

    /// <summary>Every suffix the algorithm names, step by step, and the letters around them that its conditions read.</summary>
    private static readonly string[] Suffixes =
    [
        "", "'", "'s", "'s'", "s", "es", "ies", "ied", "sses", "ss", "us",
        "ed", "eed", "edly", "eedly", "ing", "ingly", "ated", "bled", "ized", "ying", "y", "ys",
        "tional", "enci", "anci", "abli", "entli", "izer", "ization", "ational", "ation", "ator", "alism", "aliti", "alli",
        "fulness", "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "logi", "fulli", "lessli", "li",
        "cli", "dli", "eli", "gli", "hli", "kli", "mli", "nli", "rli", "tli", "sli",
        "alize", "icate", "iciti", "ical", "ful", "ness", "ative",
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive",
        "ize", "ion", "sion", "tion", "e", "l", "ll", "le", "ogist", "ying", "ding", "bed",
    ];

    private static readonly string[] Inflections = ["", "s", "ly", "ed", "ing", "'s"];

    [Fact]
    public void Stem_SharedTextsLatinWords_AgreeWithLucene()
    {
        var words = StemmerOracle.SharedVocabulary(word => Scripts.Of(word) == Script.Latin);

        Assert.True(words.Count > 10_000, $"only {words.Count} Latin-script words in the shared texts");
        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer(), EnglishStemmer.Stem));
    }

    [Fact]
    public void Stem_StemsWithEverySuffixAndInflection_AgreeWithLucene()
    {
        var endings = StemmerOracle.Combine(Suffixes, Inflections);

        var words = StemmerOracle.Combine(Stems, endings);

        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer(), EnglishStemmer.Stem));
    }

    /// <summary>Words at the edges: empty, shorter than three letters, apostrophes only, y runs, a capital Y passed in.</summary>
    [Fact]
    public void Stem_EdgeWords_AgreeWithLucene()
    {
        string[] words = ["", "a", "y", "'", "''", "'s", "'s'", "''s", "s's", "yyy", "ayyy", "sayyid", "'yes", "Yay", "saYing", "ies", "sses", "eed", "ly"];

        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer(), EnglishStemmer.Stem));
    }

    [Fact]
    public void Stem_WordLongerThanTheStackBuffer_IsStemmedLikeLucene()
    {
        var word = string.Concat(Enumerable.Repeat("counter", 20)) + "revolutionaries";

        Assert.Empty(StemmerOracle.Disagreements([word], () => new Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer(), EnglishStemmer.Stem));
    }

    [Theory]
    [InlineData("generously", "generous")]
    [InlineData("consistency", "consist")]
    [InlineData("nationalization", "nation")]
    [InlineData("hopefulness", "hope")]
    public void Stem_DerivedWord_ReturnsDocumentedStem(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("news", "news")]
    [InlineData("early", "earli")]
    public void Stem_ExceptionalWord_ReturnsItsFixedStem(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("innings", "inning")]
    [InlineData("proceeds", "proceed")]
    public void Stem_InvariantWordAfterPlural_KeepsTheRest(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("hoping", "hope")]
    [InlineData("hopping", "hop")]
    [InlineData("luxuriated", "luxuri")]
    public void Stem_EdOrIngRemoved_TidiesTheStemEnd(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("ties", "tie")]
    [InlineData("cries", "cri")]
    [InlineData("gas", "gas")]
    [InlineData("gaps", "gap")]
    [InlineData("nation's", "nation")]
    public void Stem_PluralOrPossessive_FollowsStep1a(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("saying", "say")]
    [InlineData("cry", "cri")]
    [InlineData("by", "by")]
    [InlineData("yelling", "yell")]
    public void Stem_ConsonantY_IsNotAVowel(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("generate", "generat")]
    [InlineData("communism", "communism")]
    public void Stem_SpecialPrefix_SetsR1AtItsEnd(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    /// <summary>Today's published algorithm stems these differently; Lucene's older version, which indexes hold, wins.</summary>
    [Theory]
    [InlineData("university", "univers")]
    [InlineData("added", "ad")]
    [InlineData("geologist", "geologist")]
    [InlineData("evening", "even")]
    public void Stem_WordTodaysAlgorithmStemsOtherwise_ReturnsLuceneStem(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));
}
