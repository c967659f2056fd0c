using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

public class MultilingualMatchTests
{
    private static readonly MentionDetector Detector = new([
        new Topic("lachin-corridor", "Lachin corridor", ["Lachin corridor", "Лачинский коридор", "Laçın dəhlizi", "Լաչինի միջանցք", "corridor de Latchine", "Latschin-Korridor"]),
        new Topic("peace-treaty", "Peace treaty", ["peace treaty", "мирный договор", "traité de paix", "Friedensvertrag"]),
        new Topic("nagorno-karabakh", "Nagorno-Karabakh", ["Nagorno-Karabakh", "Нагорный Карабах"]),
    ]);

    [Theory]
    [InlineData("Стороны обсудили ситуацию вокруг Лачинского коридора.", "Лачинского коридора")]
    [InlineData("Россия выступает за разблокирование Лачинского коридора в кратчайшие сроки.", "Лачинского коридора")]
    [InlineData("Движение по Лачинскому коридору восстановлено.", "Лачинскому коридору")]
    [InlineData("Миротворцы контролируют Лачинский коридор.", "Лачинский коридор")]
    [InlineData("Ситуация в Лачинском коридоре остаётся сложной.", "Лачинском коридоре")]
    [InlineData("Azərbaycan Laçın dəhlizinin fəaliyyətini təmin edir.", "Laçın dəhlizinin")]
    [InlineData("Laçın dəhlizi ilə hərəkət bərpa olunub.", "Laçın dəhlizi")]
    [InlineData("Laçın dəhlizində nəzarət-buraxılış məntəqəsi quruldu.", "Laçın dəhlizində")]
    [InlineData("LAÇIN DƏHLIZINDƏN keçid", "LAÇIN DƏHLIZINDƏN")]
    [InlineData("Լաչինի միջանցքով երթևեկությունը", "Լաչինի միջանցքով")]
    [InlineData("la réouverture du corridor de Latchine a été discutée", "corridor de Latchine")]
    [InlineData("die Lage im Latschin-Korridors bleibt angespannt", "Latschin-Korridors")]
    [InlineData("Both Lachin corridors were discussed.", "Lachin corridors")]
    public void Match_InflectedLachinCorridor_IsFound(string text, string expected)
    {
        var mention = Assert.Single(Detector.Match(text));

        Assert.Equal("lachin-corridor", mention.TopicId);
        Assert.Equal(expected, mention.MatchedText);
        Assert.Equal(text.IndexOf(expected, StringComparison.Ordinal), mention.Start);
    }

    [Theory]
    [InlineData("Работа над проектом мирного договора продолжается.", "мирного договора")]
    [InlineData("Стороны близки к подписанию мирного договора.", "мирного договора")]
    [InlineData("О мирном договоре говорили министры.", "мирном договоре")]
    [InlineData("Мирные договоры подписываются редко.", "Мирные договоры")]
    [InlineData("Work on the peace treaties continues.", "peace treaties")]
    [InlineData("les traités de paix entre les deux pays", "traités de paix")]
    [InlineData("Die Friedensverträge wurden unterzeichnet.", "Friedensverträge")]
    [InlineData("über den Friedensvertrages Entwurf", "Friedensvertrages")]
    public void Match_InflectedPeaceTreaty_IsFound(string text, string expected)
    {
        var mention = Assert.Single(Detector.Match(text));

        Assert.Equal("peace-treaty", mention.TopicId);
        Assert.Equal(expected, mention.MatchedText);
    }

    [Theory]
    [InlineData("Обсуждался статус Нагорного Карабаха.", "Нагорного Карабаха")]
    [InlineData("В Нагорном Карабахе прошли выборы.", "Нагорном Карабахе")]
    public void Match_RussianProperNameInflection_IsFound(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(Detector.Match(text)).MatchedText);
    }

    [Theory]
    [InlineData("The peace process continues.")]
    [InlineData("Договорились о мире.")]
    [InlineData("Laçın rayonunda yeni məktəb açıldı.")]
    [InlineData("The corridor to Lachin.")]
    public void Match_RelatedWordsWithoutThePhrase_FindNothing(string text)
    {
        Assert.Empty(Detector.Match(text));
    }

    [Fact]
    public void Match_ArmenianText_SnippetEndsAtArmenianFullStop()
    {
        const string text = "Լաչինի միջանցքով երթևեկությունը վերականգնվեց։ Մեկ այլ նախադասություն։";

        var mention = Assert.Single(Detector.Match(text));

        Assert.Equal("Լաչինի միջանցքով երթևեկությունը վերականգնվեց։", mention.Snippet);
    }

    [Fact]
    public void Match_WordThatOnlyStartsLikeTerm_IsNotAPrefixMatchInEnglish()
    {
        var detector = new MentionDetector([new Topic("peace", "Peace", ["peace"])]);

        Assert.Empty(detector.Match("A peacekeeping mission."));
        Assert.Single(detector.Match("Peace, at last."));
    }

    [Fact]
    public void Match_ExplicitPrefixTerm_MatchesAnyEnding()
    {
        var detector = new MentionDetector([new Topic("peacekeeping", "Peacekeeping", ["Russian peacekeep*"])]);

        var mentions = detector.Match("Russian peacekeepers left; Russian peacekeeping ended.");

        Assert.Equal(["Russian peacekeepers", "Russian peacekeeping"], mentions.Select(m => m.MatchedText));
    }
}
