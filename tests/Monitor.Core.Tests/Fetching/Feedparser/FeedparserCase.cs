using System.Text;
using System.Text.RegularExpressions;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Fetching.Feeds;

namespace MinistryMonitor.Core.Tests.Fetching.Feedparser;

/// <summary>
/// One of feedparser's test feeds: its bytes, the HTTP headers its comment gives, and its <c>Expect:</c> expression, run
/// against what <see cref="FeedReader"/> reads, mapped to feedparser's names for the fields the monitor uses.
/// </summary>
public sealed partial record FeedparserCase(string Name, byte[] Content, string Expect, string? ContentType, Uri Url)
{
    /// <summary>The address feedparser's own test server gives the files, which their expectations are written against.</summary>
    private static readonly Uri ServerRoot = new("http://127.0.0.1:8097/");

    public static string Root => SharedData.PathOf("conformance", "feedparser", "tests");

    public static IEnumerable<FeedparserCase> All() =>
        Directory.EnumerateFiles(Root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Load).OfType<FeedparserCase>();

    private static FeedparserCase? Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var expect = ExpectLine().Match(head);
        if (!expect.Success) return null;
        var name = Path.GetRelativePath(Root, path).Replace('\\', '/');
        string? contentType = null;
        var url = new Uri(ServerRoot, "tests/" + name);
        foreach (Match header in HeaderLine().Matches(head))
        {
            var (key, value) = (header.Groups["key"].Value.Trim(), header.Groups["value"].Value.Trim());
            if (key.Equals("Content-type", StringComparison.OrdinalIgnoreCase)) contentType = value;
            if (key.Equals("Content-Location", StringComparison.OrdinalIgnoreCase)) url = new Uri(url, value);
        }
        return new FeedparserCase(name, bytes, expect.Groups["expr"].Value.Trim(), contentType, url);
    }

    /// <summary>The outcome: null when it passed, else why not; <see cref="NotApplicableException"/> when it checks nothing the monitor uses.</summary>
    public string? Run()
    {
        // Every key the expression looks up must be one the model has; looked up lazily, an empty list would fail first.
        foreach (Match key in KeyReference().Matches(Expect))
        {
            var name = key.Groups["quoted"].Success ? key.Groups["quoted"].Value : key.Groups["dotted"].Value;
            if (!ModelKeys.Contains(name)) throw new NotApplicableException($"checks '{name}', a field the monitor does not read");
        }
        FeedDocument? document = null;
        string? refused = null;
        try
        {
            document = FeedReader.ReadFeed(Content, Url, ContentType);
        }
        catch (FeedFormatException ex)
        {
            refused = ex.Message;
        }

        var touched = false;
        object? Name(string name)
        {
            if (name is "entries" or "feed" or "encoding") touched = true;
            if (refused is not null && name != "bozo") throw new CaseFailedException("the reader refused the feed: " + refused);
            return name switch
            {
                "bozo" => refused is not null || document!.Repaired || document.EncodingGuessed,
                "encoding" => new EncodingValue(document!.Encoding),
                "feed" => new ModelDict("feed", new Dictionary<string, Func<object?>> { ["title"] = () => Text(document!.Title) }),
                "entries" => document!.Entries.Select(Entry).ToList<object?>(),
                _ => throw new NotApplicableException($"checks '{name}'"),
            };
        }

        bool passed;
        try
        {
            passed = PythonExpression.Evaluate(Expect, Name);
        }
        catch (CaseFailedException ex)
        {
            if (!touched) throw new NotApplicableException("checks only whether the feed is well-formed");
            return ex.Message;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or IndexOutOfRangeException)
        {
            return "missing: " + ex.Message;
        }
        if (!touched) throw new NotApplicableException("checks only whether the feed is well-formed");
        return passed ? null : $"expected {Expect}; read: {Describe(document)}";
    }

    private static ModelDict Entry(FeedEntry item) => new("entries[i]", new Dictionary<string, Func<object?>>
    {
        ["link"] = () => item.Url?.OriginalString,
        ["id"] = () => item.Id,
        ["guid"] = () => item.Id,
        ["title"] = () => Text(item.Title),
        ["title_detail"] = () => new ModelDict("title_detail", new Dictionary<string, Func<object?>> { ["value"] = () => Text(item.Title) }),
        ["published"] = () => Date(item.Published),
        ["published_parsed"] = () => Date(item.Published),
        // feedparser answers updated with published when an entry has only the latter, as the monitor dates it.
        ["updated"] = () => Date(item.Updated ?? item.Published),
        ["updated_parsed"] = () => Date(item.Updated ?? item.Published),
        ["content"] = () => item.ContentHtml is null ? new List<object?>()
            : [new ModelDict("content[i]", new Dictionary<string, Func<object?>> { ["value"] = () => item.ContentHtml })],
    });

    private static string Describe(FeedDocument? d) => d is null ? "nothing" :
        $"{d.Dialect}, {d.Encoding}{(d.Repaired ? ", repaired" : "")}{(d.EncodingGuessed ? ", encoding guessed" : "")}, title '{d.Title}', "
        + string.Join("; ", d.Entries.Take(2).Select(e => $"[link {e.Url?.OriginalString ?? e.Skipped?.Reason}, id {e.Id}, title '{e.Title}', published {e.Published:o}, updated {e.Updated:o}, content '{e.ContentHtml}']"));

    private static TextValue? Text(string? text) => text is null ? null : new TextValue(text);

    private static DateValue? Date(DateTimeOffset? date) => date is { } d ? new DateValue(d) : null;

    private static readonly HashSet<string> ModelKeys =
        ["link", "id", "guid", "title", "title_detail", "value", "published", "published_parsed", "updated", "updated_parsed", "content"];

    [GeneratedRegex(@"\['(?<quoted>[A-Za-z_:]+)'\]|(?<![\w'])\.(?<dotted>[A-Za-z_]+)")]
    private static partial Regex KeyReference();

    [GeneratedRegex(@"^\s*Expect:\s*(?<expr>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"^\s*Header:\s*(?<key>[A-Za-z-]+):(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}

/// <summary>The reader refused a feed whose case checks a field.</summary>
public sealed class CaseFailedException(string message) : Exception(message);
