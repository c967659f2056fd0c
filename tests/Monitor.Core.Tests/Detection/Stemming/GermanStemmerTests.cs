using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Detection.Stemming;

namespace MinistryMonitor.Core.Tests.Detection.Stemming;

public class GermanStemmerTests
{
    /// <summary>
    /// Real stems of the shapes the rules test: short ones (R1 held at the fourth letter), umlauts, ß, a u or y between
    /// vowels, the letters -s and -st need before them, -e before -ig/-isch, and stems already ending in a suffix.
    /// </summary>
    private static readonly string[] Stems =
    [
        "kategor", "haus", "häus", "bau", "stra", "straß", "kenntnis", "freund", "schön", "glück", "ehr", "heil", "wahr",
        "lehr", "arbeit", "bedeut", "mög", "fried", "vertrag", "verträg", "land", "kind", "end", "ruh", "ew", "lust",
        "kunst", "fest", "last", "ver", "ge", "ab", "äu", "treu", "neu", "bayer", "kaj", "sicher", "wirt", "polit", "techn",
        "log", "kirch", "ein", "heiß", "fuß", "mas", "groß", "feuer", "ordn", "freiheit", "möglich", "see", "abc",
        // Where today's algorithm differs: ae, oe, ue read as umlauts; -et, -erin, -eln endings.
        "du", "coel", "bae", "verabschied", "lehr", "wick", "bürg",
    ];

    /// <summary>Every suffix the algorithm names, alone and in the chains its follow-up rules remove.</summary>
    private static readonly string[] Suffixes =
    [
        "", "e", "em", "en", "ern", "er", "es", "s", "est", "st", "end", "ung", "ig", "ik", "isch", "lich", "heit", "keit",
        "igend", "igung", "eigung", "erlich", "enlich", "erheit", "enheit", "lichkeit", "igkeit", "eigkeit", "bst", "dst",
        "rst", "tst", "ueu", "aya", "nis", "niss", "et", "ete", "erin", "erinn", "eln", "ell", "uel",
    ];

    private static readonly string[] Inflections = ["", "e", "en", "er", "es", "s", "st", "est", "em", "ern"];

    [Fact]
    public void Stem_SharedTextsLatinWords_AgreeWithLucene()
    {
        var words = StemmerOracle.SharedVocabulary(word => Scripts.Of(word) == Script.Latin);

        Assert.True(words.Count > 10_000, $"only {words.Count} Latin-script words in the shared texts");
        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer(), GermanStemmer.Stem));
    }

    [Fact]
    public void Stem_StemsWithEverySuffixAndInflection_AgreeWithLucene()
    {
        var endings = StemmerOracle.Combine(Suffixes, Inflections);

        var words = StemmerOracle.Combine(Stems, endings);

        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer(), GermanStemmer.Stem));
    }

    /// <summary>Words at the edges: empty, shorter than three letters, ß alone, u and y runs between vowels.</summary>
    [Fact]
    public void Stem_EdgeWords_AgreeWithLucene()
    {
        string[] words = ["", "a", "ß", "ßß", "aß", "auuu", "ayuya", "ueue", "eyu", "es", "ern", "st", "keit", "ÄUE"];

        Assert.Empty(StemmerOracle.Disagreements(words, () => new Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer(), GermanStemmer.Stem));
    }

    [Fact]
    public void Stem_WordLongerThanTheStackBuffer_IsStemmedLikeLucene()
    {
        var word = string.Concat(Enumerable.Repeat("straßen", 12)) + "verkehrsordnungswidrigkeiten";

        Assert.Empty(StemmerOracle.Disagreements([word], () => new Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer(), GermanStemmer.Stem));
    }

    [Theory]
    [InlineData("häuser", "haus")]
    [InlineData("verträge", "vertrag")]
    public void Stem_Umlaut_IsRemovedAtTheEnd(string word, string stem) => Assert.Equal(stem, GermanStemmer.Stem(word));

    [Fact]
    public void Stem_SharpS_IsStemmedAsDoubleS() => Assert.Equal("strass", GermanStemmer.Stem("straße"));

    [Theory]
    [InlineData("bauen", "bau")]
    [InlineData("bayern", "bay")]
    public void Stem_UOrYBetweenVowels_IsAConsonant(string word, string stem) => Assert.Equal(stem, GermanStemmer.Stem(word));

    [Fact]
    public void Stem_NisseWord_KeepsDoubleS() => Assert.Equal("kenntniss", GermanStemmer.Stem("kenntnisse"));

    [Theory]
    [InlineData("kategorischen", "kategor")]
    [InlineData("freundlichkeit", "freundlich")]
    [InlineData("ehrlichkeit", "ehrlich")]
    [InlineData("beständigkeit", "bestand")]
    public void Stem_DerivedWord_LosesItsR2Suffixes(string word, string stem) => Assert.Equal(stem, GermanStemmer.Stem(word));

    [Theory]
    [InlineData("aber", "aber")]
    [InlineData("oben", "oben")]
    public void Stem_SuffixWithinTheFirstThreeLetters_IsKept(string word, string stem) => Assert.Equal(stem, GermanStemmer.Stem(word));

    /// <summary>Today's published algorithm stems these differently; Lucene's older version, which indexes hold, wins.</summary>
    [Theory]
    [InlineData("verabschiedet", "verabschiedet")]
    [InlineData("bürgerinnen", "burgerinn")]
    [InlineData("abwickeln", "abwickeln")]
    [InlineData("duell", "duell")]
    public void Stem_WordTodaysAlgorithmStemsOtherwise_ReturnsLuceneStem(string word, string stem) => Assert.Equal(stem, GermanStemmer.Stem(word));
}
