using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// What class names, ids and roles say about an element. The vocabularies are the ones the web at large uses for
/// page chrome and article bodies (the same families of words Readability and trafilatura rely on).
/// </summary>
internal static partial class ClassNameHints
{
    [GeneratedRegex(
        @"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|cookie|consent|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|signup|share|sharing|toolbar|masthead|navbar|topbar|skip-link|offcanvas|modal|outbrain|taboola|promo",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"and|article|body|column|content|main|mathjax|shadow|story|entry|post-text",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaybeContent();

    [GeneratedRegex(
        @"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|dateline|caption|credit|print|social|newsletter|subscribe|breadcrumb|cookie|teaser|recommend",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|statement|release|itemprop",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    [GeneratedRegex(@"caption|credit|byline|author|dateline|share|sharing|social|related|promo|newsletter|subscribe|tags|breadcrumb|advert|sponsor|disclaimer|copyright|rating|likes|entry-meta|post-meta|postmeta|article-meta|entry-utility|entry-footer|post-footer|posted-on|post-info|postinfo",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeripheralName();

    [GeneratedRegex(@"lead|intro|teaser|excerpt|standfirst|subtitle|sub-?headline|subhead|deck|perex|vorspann|bajada|chapo|chapeau|abstract|description",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadName();

    [GeneratedRegex(@"meta|date|time|byline|author|kicker|tags", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetadataName();

    /// <summary>Class names and ids of readers' comment threads (WordPress, Disqus and the usual CMS themes).</summary>
    private static readonly HashSet<string> CommentSectionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "comments", "comment-list", "commentlist", "comments-list", "comments-area", "comments-section",
        "comment-section", "comment-respond", "respond", "disqus_thread", "comments-wrapper", "comments-container",
        "commentsection", "comment-form", "commentform", "kommentare", "comentarios", "commentaires", "reply-list",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommentSectionTokens =
        CommentSectionNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo",
        "search", "toolbar", "tablist",
    };

    private static string Signature(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        if (string.IsNullOrEmpty(cls)) return id ?? string.Empty;
        return string.IsNullOrEmpty(id) ? cls : cls + " " + id;
    }

    /// <summary>Class or id name the element as chrome (menu, sidebar, share bar...) and nothing says otherwise.</summary>
    public static bool IsUnlikelyContent(IElement element)
    {
        var role = element.GetAttribute("role");
        if (role is not null && ChromeRoles.Contains(role)) return true;
        var signature = Signature(element);
        if (signature.Length == 0) return false;
        return Unlikely().IsMatch(signature) && !MaybeContent().IsMatch(signature);
    }

    /// <summary>
    /// A readers' comment thread or its form: never the statement, and often longer than a short post, so it is
    /// left out at every step of the fallback ladder. Whole class tokens only ("tone-comment" is an opinion piece).
    /// </summary>
    public static bool IsCommentSection(IElement element)
    {
        var id = element.Id;
        if (!string.IsNullOrEmpty(id) && CommentSectionNames.Contains(id)) return true;
        var cls = element.GetAttribute("class");
        if (string.IsNullOrEmpty(cls)) return false;
        // Checked on every element of every scan: look the tokens up without allocating them.
        var span = cls.AsSpan();
        foreach (var range in span.SplitAny(" \t\n\r\f"))
            if (CommentSectionTokens.Contains(span[range])) return true;
        return false;
    }

    /// <summary>Named like the small boxes around an article: captions, bylines, share bars, tag lists.</summary>
    public static bool IsPeripheral(IElement element)
    {
        var signature = Signature(element);
        return signature.Length > 0 && PeripheralName().IsMatch(signature);
    }

    /// <summary>Named like an article's lead: standfirst, teaser text, summary, subtitle.</summary>
    public static bool IsLeadNamed(IElement element)
    {
        var signature = Signature(element);
        return signature.Length > 0 && LeadName().IsMatch(signature);
    }

    /// <summary>Named like the metadata lines around an article: dates, bylines, labels.</summary>
    public static bool IsMetadata(IElement element)
    {
        var signature = Signature(element);
        return signature.Length > 0 && MetadataName().IsMatch(signature);
    }

    /// <summary>Readability's class weight: -25 for chrome-like names, +25 for content-like ones, both may apply.</summary>
    public static int Weight(IElement element)
    {
        var weight = 0;
        var cls = element.GetAttribute("class");
        if (!string.IsNullOrEmpty(cls))
        {
            if (Negative().IsMatch(cls)) weight -= 25;
            if (Positive().IsMatch(cls)) weight += 25;
        }
        var id = element.Id;
        if (!string.IsNullOrEmpty(id))
        {
            if (Negative().IsMatch(id)) weight -= 25;
            if (Positive().IsMatch(id)) weight += 25;
        }
        return weight;
    }

    /// <summary>Hidden by the author: not shown to readers, so not part of what the ministry says.</summary>
    public static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden")) return true;
        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = element.GetAttribute("style");
        if (style is null) return false;
        return ContainsCollapsed(style, "display:none") || ContainsCollapsed(style, "visibility:hidden");
    }

    private static bool ContainsCollapsed(string style, string needle)
    {
        // Compare with the spaces removed: "display : none" is as hidden as "display:none".
        var j = 0;
        foreach (var c in style)
        {
            if (c == ' ' || c == '\t') continue;
            if (char.ToLowerInvariant(c) == needle[j])
            {
                if (++j == needle.Length) return true;
            }
            else
            {
                j = char.ToLowerInvariant(c) == needle[0] ? 1 : 0;
            }
        }
        return false;
    }
}
