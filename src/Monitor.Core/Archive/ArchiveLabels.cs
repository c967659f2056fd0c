using System.Globalization;
using System.Text;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Archive;

/// <summary>
/// The metadata and blob index tags every blob of an archived version carries, so the archive can be browsed and
/// filtered in the Azure portal or Storage Explorer with no app at all.
/// <para>Metadata: <c>source</c>, <c>statementid</c>, <c>version</c>, <c>title</c>, <c>url</c>, <c>published</c>
/// (ISO 8601, UTC), <c>language</c>. Header values must be ASCII, so <c>title</c> and <c>url</c> are
/// percent-encoded UTF-8 (RFC 3986, as JavaScript's <c>encodeURIComponent</c>; read them with
/// <c>decodeURIComponent</c> or <c>Uri.UnescapeDataString</c>).</para>
/// <para>Tags (at most 10 per blob): <c>source</c>, <c>language</c>, <c>month</c> (<c>yyyy-MM</c> of publication,
/// else of archiving) and one <c>topic:{id}</c> = <c>yes</c> per topic mentioned, up to 7 (archiving writes the
/// blobs without topics; detection, the one match of a version's text, sets the tags again with them). Find them with e.g.
/// <c>"source" = 'ru-mfa' AND "month" &gt;= '2026-01' AND "topic:lachin-corridor" = 'yes'</c>.</para>
/// </summary>
public static class ArchiveLabels
{
    public const int MaxTopicTags = 7;
    public const string TopicTagPrefix = "topic:";
    private const int MaxTagValue = 256;
    private const int MaxTagKey = 128;
    private const int MaxMetadataValue = 2048;

    public static BlobLabels For(ArchivedVersion version, IReadOnlyList<string> topics)
    {
        var published = version.Published ?? version.ArchivedAt;
        var metadata = new Dictionary<string, string>
        {
            ["source"] = version.SourceId,
            ["statementid"] = version.StatementId,
            ["version"] = version.Version.ToString(CultureInfo.InvariantCulture),
            ["url"] = TruncateEscaped(Uri.EscapeDataString(version.Url.AbsoluteUri)),
        };
        if (version.Title is { Length: > 0 } title) metadata["title"] = TruncateEscaped(EscapeTitle(title));
        if (version.Published is { } p) metadata["published"] = p.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (version.Language is { Length: > 0 } lang) metadata["language"] = Tag(lang);

        var tags = new Dictionary<string, string>
        {
            ["source"] = Tag(version.SourceId),
            ["month"] = published.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
        if (version.Language is { Length: > 0 } language) tags["language"] = Tag(language);
        foreach (var topic in TopicTags(topics)) tags[topic] = "yes";
        return new BlobLabels(metadata, tags);
    }

    /// <summary>The tag keys of these topics, as many as a blob holds, in order.</summary>
    public static IReadOnlyList<string> TopicTags(IEnumerable<string> topics) =>
        topics.Select(TopicTag).Distinct().Order(StringComparer.Ordinal).Take(MaxTopicTags).ToList();

    /// <summary>The tag key of one topic: <c>topic:{id}</c>, with characters a tag key cannot hold replaced.</summary>
    public static string TopicTag(string topicId) => Truncate(TopicTagPrefix + Tag(topicId), MaxTagKey);

    /// <summary>The title as it was, from the <c>title</c> metadata value.</summary>
    public static string DecodeTitle(string metadataValue) => Uri.UnescapeDataString(metadataValue);

    private static string EscapeTitle(string title)
    {
        // Uri.EscapeDataString refuses lone surrogates; a broken page title must not stop archiving.
        var clean = new StringBuilder(title.Length);
        foreach (var rune in title.EnumerateRunes()) clean.Append(rune == Rune.ReplacementChar ? ' ' : rune.ToString());
        return Uri.EscapeDataString(clean.ToString());
    }

    /// <summary>Tag keys and values allow letters, digits, space and <c>+ - . / : = _</c>; anything else becomes '_'.</summary>
    private static string Tag(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxTagValue));
        foreach (var c in text)
        {
            if (sb.Length == MaxTagValue) break;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is ' ' or '+' or '-' or '.' or '/' or ':' or '=' or '_' ? c : '_');
        }
        return sb.ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Cuts a percent-encoded value without leaving half an escape at its end.</summary>
    private static string TruncateEscaped(string escaped)
    {
        if (escaped.Length <= MaxMetadataValue) return escaped;
        var cut = escaped[..MaxMetadataValue];
        var percent = cut.LastIndexOf('%');
        return percent >= cut.Length - 2 ? cut[..percent] : cut;
    }
}
