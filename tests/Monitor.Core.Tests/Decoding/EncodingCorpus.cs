using System.Text;
using System.Text.RegularExpressions;
using MinistryMonitor.Core.Decoding;

namespace MinistryMonitor.Core.Tests.Decoding;

/// <summary>The real feeds and pages of ../shared/corpora/encodings, with the encoding each is known to be in.</summary>
public static partial class EncodingCorpus
{
    public static string PathOf(string file) => SharedData.PathOf("corpora", "encodings", file);

    public static byte[] Read(string file) => File.ReadAllBytes(PathOf(file));

    /// <summary>The feeds as (file, encoding): each names its encoding in the XML declaration and in its "Expect:" comment.</summary>
    public static TheoryData<string, string> Feeds => new()
    {
        { "windows-1251-russian/aif.ru.health.xml", "windows-1251" },
        { "windows-1251-russian/anthropology.ru.xml", "windows-1251" },
        { "windows-1251-russian/aviaport.ru.xml", "windows-1251" },
        { "KOI8-R/aif.ru.health.xml", "koi8-r" },
        { "KOI8-R/aviaport.ru.xml", "koi8-r" },
        { "iso-8859-9-turkish/divxplanet.com.xml", "iso-8859-9" },
    };

    /// <summary>The same text decoded with the encoding the corpus documents: what any decoder must produce.</summary>
    public static string Expected(byte[] bytes, string encoding)
    {
        CodePages.Register();
        return Encoding.GetEncoding(encoding).GetString(bytes);
    }

    /// <summary>The feed with its XML declaration's encoding removed, so only the HTTP header (or nothing) can tell.</summary>
    public static byte[] WithoutDeclaredEncoding(byte[] bytes)
    {
        var latin1 = Encoding.Latin1.GetString(bytes);
        var stripped = DeclaredEncoding().Replace(latin1, string.Empty, 1);
        Assert.NotEqual(latin1, stripped);
        return Encoding.Latin1.GetBytes(stripped);
    }

    [GeneratedRegex(@"\s+encoding\s*=\s*""[^""]+""", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredEncoding();
}
