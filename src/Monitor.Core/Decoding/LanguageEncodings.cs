namespace MinistryMonitor.Core.Decoding;

/// <summary>
/// The legacy encodings a language's sites use, the first being the usual one. Detection is asked to choose only
/// among these when the source's language is known, and the first is taken when detection cannot tell.
/// </summary>
internal static class LanguageEncodings
{
    private static readonly Dictionary<string, string[]> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ru"] = ["windows-1251", "koi8-r", "iso-8859-5", "ibm866", "x-mac-cyrillic"],
        ["uk"] = ["windows-1251", "koi8-u", "iso-8859-5"],
        ["be"] = ["windows-1251", "iso-8859-5"],
        ["bg"] = ["windows-1251", "iso-8859-5"],
        ["sr"] = ["windows-1251", "iso-8859-5"],
        ["mk"] = ["windows-1251", "iso-8859-5"],
        ["kk"] = ["windows-1251"],
        ["tr"] = ["windows-1254", "iso-8859-9"],
        ["az"] = ["windows-1254", "windows-1251", "iso-8859-9"],
        ["el"] = ["windows-1253", "iso-8859-7"],
        ["he"] = ["windows-1255", "iso-8859-8"],
        ["ar"] = ["windows-1256", "iso-8859-6"],
        ["fa"] = ["windows-1256"],
        ["pl"] = ["windows-1250", "iso-8859-2"],
        ["cs"] = ["windows-1250", "iso-8859-2"],
        ["hu"] = ["windows-1250", "iso-8859-2"],
        ["ro"] = ["windows-1250", "iso-8859-2"],
        ["lt"] = ["windows-1257", "iso-8859-13"],
        ["lv"] = ["windows-1257", "iso-8859-13"],
        ["et"] = ["windows-1257", "iso-8859-15"],
        ["ka"] = ["utf-8"],
        ["hy"] = ["utf-8"],
        ["zh"] = ["gb18030", "big5"],
        ["ja"] = ["shift_jis", "euc-jp", "iso-2022-jp"],
        ["ko"] = ["euc-kr"],
    };

    public static IReadOnlyList<string>? For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var primary = language.Split('-', '_')[0];
        return ByLanguage.TryGetValue(primary, out var names) ? names : null;
    }
}
