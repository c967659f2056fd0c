using System.Text.Json;

namespace MinistryMonitor.Core.Extraction;

/// <summary>Reads schema.org Article data from JSON-LD blocks (top-level objects, arrays and @graph).</summary>
internal static class JsonLdReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "PressRelease",
        "Report", "ScholarlyArticle", "TechArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
        "SocialMediaPosting", "GovernmentPermit", "Speech",
    };

    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static JsonLdArticle Read(IEnumerable<string> scripts)
    {
        JsonLdArticle? page = null;
        foreach (var script in scripts)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(script.Trim().TrimEnd(';'), Lenient);
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; such a block simply offers no metadata.
                continue;
            }
            using (document)
            {
                foreach (var node in Objects(document.RootElement))
                {
                    var types = TypesOf(node);
                    if (types.Any(ArticleTypes.Contains)) return ToArticle(node);
                    if (page is null && types.Any(t => t.EndsWith("WebPage", StringComparison.OrdinalIgnoreCase)))
                        page = ToArticle(node) with { ArticleBody = null };
                }
            }
        }
        return page ?? JsonLdArticle.Empty;
    }

    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray().Reverse()) pending.Push(item);
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                yield return element;
                if (element.TryGetProperty("@graph", out var graph)) pending.Push(graph);
                if (element.TryGetProperty("mainEntity", out var main)) pending.Push(main);
            }
        }
    }

    private static List<string> TypesOf(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type)) return [];
        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList(),
            _ => [],
        };
    }

    private static JsonLdArticle ToArticle(JsonElement node) => new(
        Headline: String(node, "headline") ?? String(node, "name"),
        DatePublished: String(node, "datePublished") ?? String(node, "dateCreated"),
        Author: Name(node, "author") ?? Name(node, "creator"),
        ArticleBody: String(node, "articleBody") ?? String(node, "text"),
        Language: String(node, "inLanguage"));

    private static string? String(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string? Name(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value)) return null;
        var names = new List<string>();
        foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : Enumerable.Repeat(value, 1))
        {
            var name = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => String(item, "name"),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(name) && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                names.Add(name.Trim());
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }
}
