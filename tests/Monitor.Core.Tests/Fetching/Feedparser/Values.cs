using MinistryMonitor.Core.Fetching.Feeds;

namespace MinistryMonitor.Core.Tests.Fetching.Feedparser;

/// <summary>A dictionary of the feed model whose unknown keys are fields the monitor does not read (the case is skipped).</summary>
public sealed class ModelDict(string path, IReadOnlyDictionary<string, Func<object?>> fields)
{
    public object? Get(string key) =>
        fields.TryGetValue(key, out var field) ? field() : throw new NotApplicableException($"checks {path}['{key}'], a field the monitor does not read");
}

/// <summary>A parsed date, equal to feedparser's string (the same instant) or its 9-tuple in UTC.</summary>
public sealed record DateValue(DateTimeOffset Date);

/// <summary>
/// A title as the monitor keeps it, plain text. feedparser gives titles as HTML ('&amp;#38;', '&lt;b&gt;&amp;amp;&lt;/b&gt;'), so
/// an expected title is compared by its text: tags dropped, character references decoded.
/// </summary>
public sealed record TextValue(string Text)
{
    public bool Matches(string expectedHtml) =>
        Text == expectedHtml || Text == System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(expectedHtml, "<[^>]*>", string.Empty)).Trim();
}

/// <summary>
/// The encoding a feed was read in. An expected label counts as the same encoding when the WHATWG Encoding Standard,
/// which browsers and the monitor's decoder follow, reads it as that encoding (iso-8859-1 as windows-1252, gb2312 as GBK).
/// </summary>
public sealed record EncodingValue(string WebName)
{
    public bool Matches(string label) =>
        string.Equals(WebName, label, StringComparison.OrdinalIgnoreCase)
        || (MinistryMonitor.Core.Decoding.CharsetNames.ToEncoding(label, inDocument: false) is { } expected
            && string.Equals(expected.WebName, WebName, StringComparison.OrdinalIgnoreCase))
        || (IsGb(label) && IsGb(WebName));

    // GB 2312, GBK and GB 18030 are successive supersets; the WHATWG standard reads all three labels as GBK or GB 18030.
    private static bool IsGb(string name) => name.ToLowerInvariant() is "gb2312" or "gbk" or "gb18030";
}

/// <summary>Python's subscripts and equality over the model and literals.</summary>
public static class Values
{
    public static object? Index(object? value, object? key) => (value, key) switch
    {
        (ModelDict dict, string name) => dict.Get(name),
        (Dictionary<string, object?> dict, string name) => dict.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException(name),
        (List<object?> list, long index) => index < list.Count ? list[(int)index] : throw new IndexOutOfRangeException($"no item {index} (there are {list.Count})"),
        (null, _) => throw new KeyNotFoundException($"'{key}' of nothing"),
        _ => throw new NotApplicableException($"subscript {key} ({key?.GetType().Name}) of {value.GetType()}"),
    };

    public static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (long x, long y) => x == y,
        (double x, long y) => x == y,
        (long x, double y) => x == y,
        (bool x, bool y) => x == y,
        (bool x, long y) => (x ? 1 : 0) == y,
        (TextValue x, TextValue y) => x.Text == y.Text,
        (TextValue t, string s) => t.Matches(s),
        (string, TextValue) => Equal(b, a),
        (EncodingValue e, string s) => e.Matches(s),
        (string, EncodingValue) => Equal(b, a),
        (DateValue d, string s) => FeedDates.Parse(s) is { } parsed && parsed == d.Date,
        (string, DateValue) => Equal(b, a),
        (DateValue d, List<object?> tuple) => tuple.Count == 9 && Equal(Tuple(d.Date), tuple),
        (List<object?>, DateValue) => Equal(b, a),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        _ => false,
    };

    /// <summary>Python's time.struct_time in UTC: year, month, day, hour, minute, second, weekday (Monday 0), day of year, 0.</summary>
    private static List<object?> Tuple(DateTimeOffset date)
    {
        var u = date.UtcDateTime;
        return [(long)u.Year, (long)u.Month, (long)u.Day, (long)u.Hour, (long)u.Minute, (long)u.Second, (long)(((int)u.DayOfWeek + 6) % 7), (long)u.DayOfYear, 0L];
    }
}
