using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("2023-07-25", 2023, 7, 25)]
    [InlineData("25 July 2023", 2023, 7, 25)]
    [InlineData("July 25, 2023", 2023, 7, 25)]
    [InlineData("Jul. 25 2023", 2023, 7, 25)]
    [InlineData("25th July 2023", 2023, 7, 25)]
    [InlineData("25 июля 2023 г.", 2023, 7, 25)]
    [InlineData("3 марта 2024 года", 2024, 3, 3)]
    [InlineData("25.07.2023", 2023, 7, 25)]
    [InlineData("25/07/2023", 2023, 7, 25)]
    [InlineData("2023/07/25", 2023, 7, 25)]
    [InlineData("25 iyul 2023", 2023, 7, 25)]
    [InlineData("16 avqust 2018-ci il", 2018, 8, 16)]
    [InlineData("25 juillet 2023", 2023, 7, 25)]
    [InlineData("le 1er août 2023", 2023, 8, 1)]
    [InlineData("17 décembre 2022", 2022, 12, 17)]
    [InlineData("25. Juli 2023", 2023, 7, 25)]
    [InlineData("3. März 2023", 2023, 3, 3)]
    [InlineData("12. Dezember 2021", 2021, 12, 12)]
    [InlineData("14 Ekim 2022", 2022, 10, 14)]
    [InlineData("5 de mayo de 2023", 2023, 5, 5)]
    [InlineData("Press release, 12 January 2024, Baku", 2024, 1, 12)]
    [InlineData("28 March, 2025", 2025, 3, 28)]
    [InlineData("28 марта, 2025", 2025, 3, 28)]
    [InlineData("20.08.2026", 2026, 8, 20)]
    public void TryParse_SupportedFormat_ReturnsTheCalendarDate(string text, int year, int month, int day)
    {
        Assert.True(DateParser.TryParse(text, out var value));
        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(value.DateTime));
    }

    [Fact]
    public void TryParse_IsoWithOffset_KeepsTimeAndZone()
    {
        Assert.True(DateParser.TryParse("2023-07-25T14:30:15+03:00", out var value));
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 14, 30, 15, TimeSpan.FromHours(3)), value);
        Assert.Equal(TimeSpan.FromHours(3), value.Offset);
    }

    [Fact]
    public void TryParse_IsoWithZulu_IsUtc()
    {
        Assert.True(DateParser.TryParse("2021-05-22T12:00:47Z", out var value));
        Assert.Equal(new DateTimeOffset(2021, 5, 22, 12, 0, 47, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("Tue, 25 Jul 2023 10:00:00 GMT", 0)]
    [InlineData("Sat, 22 May 2021 12:00:47 +0000", 0)]
    [InlineData("Sat, 22 May 2021 12:00:47 -0400", -4)]
    public void TryParse_Rfc1123_ReturnsTimeAndOffset(string text, int offsetHours)
    {
        Assert.True(DateParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromHours(offsetHours), value.Offset);
        Assert.True(value.Hour is 10 or 12);
        Assert.Equal(value.Hour == 10 ? 0 : 47, value.Second);
    }

    [Fact]
    public void TryParse_DateWithTimeAndZoneAbbreviation_AppliesTheZone()
    {
        Assert.True(DateParser.TryParse("July 25, 2023 at 2:30 pm EDT", out var value));
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 14, 30, 0, TimeSpan.FromHours(-4)), value);
    }

    [Fact]
    public void TryParse_RussianDateWithTime_ReadsTheTime()
    {
        Assert.True(DateParser.TryParse("25 июля 2023 г., 14:05", out var value));
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 14, 5, 0, TimeSpan.Zero), value);
    }

    [Fact]
    public void TryParse_NumericWithTime_ReadsTheTime()
    {
        Assert.True(DateParser.TryParse("25.07.2023 09:15", out var value));
        Assert.Equal(new DateTimeOffset(2023, 7, 25, 9, 15, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("07/08/2023", false, 8, 7)]
    [InlineData("07/08/2023", true, 7, 8)]
    [InlineData("25/07/2023", true, 7, 25)]
    public void TryParse_AmbiguousNumericDate_FollowsTheRequestedOrder(string text, bool monthFirst, int month, int day)
    {
        Assert.True(DateParser.TryParse(text, out var value, monthFirst));
        Assert.Equal((month, day), (value.Month, value.Day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("no date here")]
    [InlineData("31.02.2023")]
    [InlineData("2023-13-01")]
    [InlineData("32 July 2023")]
    [InlineData("25 Blorg 2023")]
    [InlineData("No:069/18")]
    public void TryParse_NotADate_ReturnsFalse(string? text)
    {
        Assert.False(DateParser.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_InvalidDateBeforeValidOne_SkipsToTheValidOne()
    {
        Assert.True(DateParser.TryParse("31.02.2023 corrected to 28.02.2023", out var value));
        Assert.Equal(new DateOnly(2023, 2, 28), DateOnly.FromDateTime(value.DateTime));
    }
}
