using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class ReaderPromptsTests
{
    [Theory]
    [InlineData("Subscribe now to our eNATION edition for the full story.")]
    [InlineData("¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.")]
    [InlineData("For the latest stories download the News apps for iOS and Android.")]
    [InlineData("Would you like to share this statement?")]
    [InlineData("Das könnte Sie auch interessieren")]
    public void IsPrompt_AddressToTheReader_IsPrompt(string paragraph) =>
        Assert.True(ReaderPrompts.IsPrompt(paragraph));

    [Theory]
    [InlineData("The Minister's statement was also published on the Ministry's Twitter account.")]
    [InlineData("The parties agreed to follow the roadmap and to sign the treaty before the end of the year.")]
    public void IsPrompt_StatementSentence_IsNotPrompt(string paragraph) =>
        Assert.False(ReaderPrompts.IsPrompt(paragraph));

    [Fact]
    public void Strip_PromptBeforeTheLastParagraphs_IsKept()
    {
        var paragraphs = new[] { "Follow us on X.", "One.", "Two.", "Three.", "Four." };
        var body = string.Join("\n\n", paragraphs);

        Assert.Equal(body, DateLines.Strip(body));
    }

    [Fact]
    public void Strip_PromptAmongTheLastParagraphs_IsDropped() =>
        Assert.Equal("One.\n\nTwo.", DateLines.Strip("One.\n\nTwo.\n\nFollow us on X."));
}
