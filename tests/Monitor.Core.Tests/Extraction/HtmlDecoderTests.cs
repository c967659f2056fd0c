using System.IO.Compression;
using System.Text;
using MinistryMonitor.Core.Extraction;

namespace MinistryMonitor.Core.Tests.Extraction;

public sealed class HtmlDecoderTests
{
    static HtmlDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Decode_MetaCharsetWindows1251_DecodesCyrillic()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=\"windows-1251\"></head><body><p>Заявление</p></body></html>");
        var decoded = HtmlDecoder.Decode(bytes, null);
        Assert.Contains("Заявление", decoded.Html, StringComparison.Ordinal);
        Assert.Equal(1251, decoded.Encoding.CodePage);
    }

    [Fact]
    public void Decode_HttpEquivCharset_IsUsed()
    {
        var bytes = Encoding.GetEncoding(1254).GetBytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1254\"><p>Dışişleri Bakanlığı</p>");
        Assert.Contains("Dışişleri Bakanlığı", HtmlDecoder.Decode(bytes, null).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_StrayCharsetAttributeOnMeta_IsUsed()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta http-equiv=\"content-type\" content=\"text/html\"  charset=\"utf-8\"/>\r\n<p>XARİCİ İŞLƏR</p>");
        var decoded = HtmlDecoder.Decode(bytes, null);
        Assert.Contains("XARİCİ İŞLƏR", decoded.Html, StringComparison.Ordinal);
        Assert.Equal(65001, decoded.Encoding.CodePage);
    }

    [Fact]
    public void Decode_ContentTypeHeader_WinsOverMeta()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<meta charset=\"utf-8\"><p>Москва</p>");
        Assert.Contains("Москва", HtmlDecoder.Decode(bytes, "text/html; charset=windows-1251").Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf16WithByteOrderMark_Decodes()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<p>Genève</p>")).ToArray();
        Assert.Equal("<p>Genève</p>", HtmlDecoder.Decode(bytes, null).Html);
    }

    [Fact]
    public void Decode_NoDeclarationAndInvalidUtf8_FallsBackToWindows1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<p>Ministère des Affaires étrangères</p>");
        Assert.Equal("<p>Ministère des Affaires étrangères</p>", HtmlDecoder.Decode(bytes, null).Html);
    }

    [Fact]
    public void Decode_GzippedStream_IsDecompressed()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes("<p>Déclaration</p>"));
        packed.Position = 0;
        Assert.Equal("<p>Déclaration</p>", HtmlDecoder.Decode(packed, null).Html);
    }

    [Fact]
    public void Decode_LongerThanParseLimit_IsTruncatedAndFlagged()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>" + new string('a', 5000) + "</p>");
        var decoded = HtmlDecoder.Decode(bytes, null, new ExtractionLimits { MaxParsedChars = 1000 });
        Assert.True(decoded.Truncated);
        Assert.Equal(1000, decoded.Html.Length);
    }
}
