namespace MinistryMonitor.Core.Extraction;

/// <summary>Month names and abbreviations (nominative and genitive) in the languages ministries publish in.</summary>
internal static class MonthNames
{
    private static readonly string[][] ByMonth =
    [
        ["january", "jan", "janvier", "janv", "januar", "jänner", "jän", "январь", "января", "янв", "січень", "січня", "yanvar", "ocak", "enero", "ene", "gennaio", "janeiro"],
        ["february", "feb", "février", "fevrier", "févr", "fevr", "februar", "февраль", "февраля", "фев", "февр", "лютий", "лютого", "fevral", "şubat", "subat", "febrero", "febbraio", "fevereiro"],
        ["march", "mar", "mars", "märz", "maerz", "mär", "март", "марта", "мар", "березень", "березня", "mart", "marzo", "março"],
        ["april", "apr", "avril", "avr", "апрель", "апреля", "апр", "квітень", "квітня", "aprel", "nisan", "abril", "abr", "aprile"],
        ["may", "mai", "май", "мая", "травень", "травня", "mayıs", "mayis", "mayo", "maggio", "maio"],
        ["june", "jun", "juin", "juni", "июнь", "июня", "июн", "червень", "червня", "iyun", "haziran", "junio", "giugno", "junho"],
        ["july", "jul", "juillet", "juil", "juli", "июль", "июля", "июл", "липень", "липня", "iyul", "temmuz", "julio", "luglio", "julho"],
        ["august", "aug", "août", "aout", "август", "августа", "авг", "серпень", "серпня", "avqust", "ağustos", "agustos", "agosto", "ago"],
        ["september", "sep", "sept", "septembre", "сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "sentyabr", "eylül", "eylul", "septiembre", "setiembre", "settembre", "setembro", "set"],
        ["october", "oct", "octobre", "oktober", "okt", "октябрь", "октября", "окт", "жовтень", "жовтня", "oktyabr", "ekim", "octubre", "ottobre", "outubro", "out"],
        ["november", "nov", "novembre", "ноябрь", "ноября", "ноя", "нояб", "листопад", "листопада", "noyabr", "kasım", "kasim", "noviembre", "novembro"],
        ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "декабрь", "декабря", "дек", "грудень", "грудня", "dekabr", "aralık", "aralik", "diciembre", "dic", "dicembre", "dezembro"],
    ];

    private static readonly Dictionary<string, int> Lookup = Build();

    private static Dictionary<string, int> Build()
    {
        var lookup = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var month = 0; month < ByMonth.Length; month++)
            foreach (var name in ByMonth[month])
                lookup[name] = month + 1;
        return lookup;
    }

    /// <summary>The month number (1-12) a word names, ignoring case and a trailing abbreviation dot.</summary>
    public static bool TryGetMonth(ReadOnlySpan<char> word, out int month)
    {
        word = word.TrimEnd('.');
        // Case-insensitive lookup through the alternate span comparer avoids a string per candidate word.
        var lookup = Lookup.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(word, out month);
    }
}
