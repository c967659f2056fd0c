using System.Text;
using MinistryMonitor.Core.Decoding;

namespace MinistryMonitor.Core.Tests.Decoding;

public sealed class TextDecoderTests
{
    [Theory]
    [MemberData(nameof(EncodingCorpus.Feeds), MemberType = typeof(EncodingCorpus))]
    public void Decode_RealFeedWithXmlDeclaration_GivesTheDocumentedText(string file, string encoding)
    {
        var bytes = EncodingCorpus.Read(file);

        var decoded = TextDecoder.Decode(bytes, "application/rss+xml");

        Assert.Equal(EncodingSource.XmlDeclaration, decoded.Source);
        Assert.Equal(EncodingCorpus.Expected(bytes, encoding), decoded.Text);
    }

    [Theory]
    [MemberData(nameof(EncodingCorpus.Feeds), MemberType = typeof(EncodingCorpus))]
    public void Decode_RealFeedWithCharsetOnlyInTheHttpHeader_GivesTheDocumentedText(string file, string encoding)
    {
        var bytes = EncodingCorpus.WithoutDeclaredEncoding(EncodingCorpus.Read(file));

        var decoded = TextDecoder.Decode(bytes, $"text/xml; charset={encoding}");

        Assert.Equal(EncodingSource.HttpHeader, decoded.Source);
        Assert.Equal(EncodingCorpus.Expected(bytes, encoding), decoded.Text);
    }

    [Theory]
    [InlineData("windows-1251-russian/aif.ru.health.xml", "windows-1251")]
    [InlineData("windows-1251-russian/aviaport.ru.xml", "windows-1251")]
    [InlineData("KOI8-R/aif.ru.health.xml", "koi8-r")]
    [InlineData("KOI8-R/aviaport.ru.xml", "koi8-r")]
    public void Decode_RussianFeedDeclaringNothing_IsDetectedAmongRussianEncodings(string file, string encoding)
    {
        var bytes = EncodingCorpus.WithoutDeclaredEncoding(EncodingCorpus.Read(file));

        var decoded = TextDecoder.Decode(bytes, "application/xml", language: "ru");

        Assert.Equal(EncodingSource.Detected, decoded.Source);
        Assert.Equal(EncodingCorpus.Expected(bytes, encoding), decoded.Text);
    }

    [Theory]
    [InlineData("windows-1251-russian/_chromium_windows-1251_with_no_encoding_specified.html", "ru", "windows-1251", "МОСКВА, 9 янв - РИА Новости")]
    [InlineData("KOI8-R/_chromium_KOI8-R_with_no_encoding_specified.html", "ru", "koi8-r", "МОСКВА, 9 янв - РИА Новости")]
    [InlineData("windows-1254-turkish/_chromium_windows-1254_with_no_encoding_specified.html", "tr", "windows-1254", "Atatürk Orman Çiftliği")]
    public void Decode_UndeclaredPageOfAKnownLanguage_ComesOutAsCorrectUnicode(string file, string language, string encoding, string phrase)
    {
        var bytes = EncodingCorpus.Read(file);

        var decoded = TextDecoder.Decode(bytes, "text/html", language);

        Assert.Contains(phrase, decoded.Text, StringComparison.Ordinal);
        Assert.Equal(EncodingCorpus.Expected(bytes, encoding), decoded.Text);
    }

    [Fact]
    public void Decode_UndeclaredKoi8rPageWithoutLanguage_IsStillDetected()
    {
        var bytes = EncodingCorpus.Read("KOI8-R/_chromium_KOI8-R_with_no_encoding_specified.html");

        var decoded = TextDecoder.Decode(bytes, null);

        Assert.Contains("МОСКВА, 9 янв - РИА Новости", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf16LePageWithoutByteOrderMarkDeclaringUtf16_KeepsCharactersBeyondThePlaneZero()
    {
        var bytes = EncodingCorpus.Read("UTF-16LE/plane1-utf-16le.html");

        var decoded = TextDecoder.Decode(bytes, "text/html");

        Assert.Equal(EncodingSource.Utf16Pattern, decoded.Source);
        Assert.Equal(Encoding.Unicode.GetString(bytes), decoded.Text);
        Assert.Contains("Unicode Plane 1 Example Using UTF-16", decoded.Text, StringComparison.Ordinal);
        Assert.Contains(decoded.Text.EnumerateRunes(), r => r.Value > 0xFFFF);
    }

    [Fact]
    public void Decode_HeaderAndDeclarationDisagree_TheHeaderWins()
    {
        var bytes = EncodingCorpus.Read("KOI8-R/aif.ru.health.xml");
        var asKoi8 = EncodingCorpus.Expected(bytes, "koi8-r");

        var decoded = TextDecoder.Decode(bytes, "text/xml; charset=KOI8-R");

        Assert.Equal(asKoi8, decoded.Text);
    }

    [Fact]
    public void Decode_UnknownCharsetInHeader_FallsBackToTheDeclaration()
    {
        var bytes = EncodingCorpus.Read("windows-1251-russian/anthropology.ru.xml");

        var decoded = TextDecoder.Decode(bytes, "text/xml; charset=x-no-such-charset");

        Assert.Equal(EncodingSource.XmlDeclaration, decoded.Source);
        Assert.Contains("Антропология", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HeaderClaimsUtf8ForWindows1251Bytes_TheMetaTagIsBelieved()
    {
        CodePages.Register();
        var bytes = Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=\"windows-1251\"></head><body>Лачинский коридор</body></html>");

        var decoded = TextDecoder.Decode(bytes, "text/html; charset=utf-8");

        Assert.Equal(EncodingSource.MetaTag, decoded.Source);
        Assert.Contains("Лачинский коридор", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8WithoutDeclaration_IsUtf8()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes("<p>Laçın dəhlizi — Лачинский коридор</p>"), null, "ru");

        Assert.Equal((EncodingSource.ValidUtf8, "<p>Laçın dəhlizi — Лачинский коридор</p>"), (decoded.Source, decoded.Text));
    }
}
