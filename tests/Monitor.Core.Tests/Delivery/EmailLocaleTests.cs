using MinistryMonitor.Core.Delivery;

namespace MinistryMonitor.Core.Tests.Delivery;

public sealed class EmailLocaleTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en-GB", "Asia/Baku", "3 December 2026, 14:05 Baku time")]
    [InlineData("en", "Asia/Yerevan", "3 December 2026, 14:05 Yerevan time")]
    [InlineData("en-US", "America/New_York", "December 3, 2026, 5:05 AM New York time")]
    [InlineData("en", "UTC", "3 December 2026, 10:05 UTC")]
    [InlineData("en", "America/Argentina/Buenos_Aires", "3 December 2026, 07:05 Buenos Aires time")]
    public void When_LocaleAndZone_WrittenAsPeopleSayIt(string language, string zone, string expected) =>
        Assert.Equal(expected, EmailLocale.For(language, zone).When(At));

    [Fact]
    public void For_UnknownZoneOrLanguage_FallsBackToUtcAndEnglish()
    {
        var locale = EmailLocale.For("ru-RU", "Mars/Olympus");

        Assert.Equal(("en", "UTC"), (locale.Language, locale.ZoneName));
    }

    [Theory]
    [InlineData("ru-RU,ru;q=0.9,en-US;q=0.8", "en-US")]
    [InlineData("en-gb", "en-GB")]
    [InlineData("EN", "en")]
    [InlineData("az-AZ", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void FromAcceptLanguage_Header_FirstEnglishTagElseEn(string? header, string expected) =>
        Assert.Equal(expected, EmailLocale.FromAcceptLanguage(header));

    [Fact]
    public void FriendlyName_EtcZone_IsAnOffsetNotAName() =>
        Assert.Equal("UTC−3:00", EmailLocale.FriendlyName(TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT+3")));
}
