using System.Globalization;
using System.Text;

namespace MinistryMonitor.Core.Politeness;

/// <summary>
/// A parsed robots.txt (RFC 9309), as Google's parser reads it (google/robotstxt's published cases pass): the rules of
/// every group naming the monitor's product token (case-insensitively; a group's name is read up to its first
/// character outside letters, '-' and '_'), else of every <c>*</c> group; the longest matching Allow or Disallow
/// pattern decides, Allow winning a tie; <c>*</c> and a final <c>$</c> are wildcards. A group is one or more
/// User-agent lines and the rules after them: only a rule ends the run of User-agent lines, a Sitemap or unknown line
/// does not. The group's Crawl-delay (not in the RFC, but widely used) is honoured.
/// Matching costs at most path length × pattern length per rule (<see cref="PathPattern"/>), whatever the wildcards.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>RFC 9309 asks crawlers to parse at least 500 KiB; more is ignored.</summary>
    public const int MaxBytes = 500 * 1024;

    private readonly List<Rule> _rules;

    private RobotsTxt(List<Rule> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>No robots.txt (4xx): everything is allowed.</summary>
    public static RobotsTxt AllowAll { get; } = new([], null);

    /// <summary>Everything but robots.txt itself is disallowed.</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Rule(new PathPattern("/"), Allow: false)], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsTxt Parse(string text, string productToken) => Parse(Encoding.UTF8.GetBytes(text), productToken);

    /// <param name="text">The file as served: RFC 9309 robots.txt is UTF-8.</param>
    /// <param name="productToken">The crawler's name as robots.txt groups are matched against (<see cref="ProductTokenOf"/>), compared whole.</param>
    public static RobotsTxt Parse(ReadOnlySpan<byte> text, string productToken)
    {
        var specific = new List<Rule>();
        var global = new List<Rule>();
        TimeSpan? specificDelay = null, globalDelay = null;
        bool inSpecific = false, inGlobal = false, groupHasRules = false, everSpecific = false;
        foreach (var line in RobotsTxtLines.Read(text))
        {
            switch (line.Key)
            {
                case RobotsKey.UserAgent:
                    // A User-agent line after a rule starts a new group; consecutive ones name the same group.
                    if (groupHasRules) inSpecific = inGlobal = groupHasRules = false;
                    // Google: "* something" is still the global group.
                    if (line.Value.StartsWith('*') && (line.Value.Length == 1 || char.IsWhiteSpace(line.Value[1]))) inGlobal = true;
                    else if (ProductTokenOf(line.Value) is { Length: > 0 } name && string.Equals(name, productToken, StringComparison.OrdinalIgnoreCase))
                        inSpecific = everSpecific = true;
                    break;
                case RobotsKey.Allow or RobotsKey.Disallow:
                    // Rules before any User-agent line belong to no group.
                    if (!inSpecific && !inGlobal) break;
                    groupHasRules = true;
                    // An empty pattern matches with no octets: it never decides (an empty Disallow allows everything).
                    if (line.Value.Length == 0) break;
                    var rules = inSpecific ? specific : global;
                    var allow = line.Key == RobotsKey.Allow;
                    rules.Add(new Rule(new PathPattern(line.Value), allow));
                    // Google: allowing ".../index.htm(l)" allows its directory's own URL too.
                    if (allow && IndexPageDirectory(line.Value) is { } directory) rules.Add(new Rule(new PathPattern(directory + "$"), Allow: true));
                    break;
                case RobotsKey.CrawlDelay when inSpecific || inGlobal:
                    if (double.TryParse(line.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        var delay = TimeSpan.FromSeconds(Math.Min(seconds, 3600));
                        if (inSpecific) specificDelay = Max(specificDelay, delay);
                        else globalDelay = Max(globalDelay, delay);
                    }
                    break;
            }
        }
        // Every group naming the product token applies (RFC 9309 2.2.1: they are combined), and then no '*' group does.
        return everSpecific ? new RobotsTxt(specific, specificDelay) : new RobotsTxt(global, globalDelay);
    }

    /// <summary>A User-agent value or User-Agent header read as a product token: its leading letters, '-' and '_' ("FooBot/1.0" → "FooBot", "Foo Bar" → "Foo").</summary>
    public static string ProductTokenOf(string userAgent)
    {
        var end = 0;
        while (end < userAgent.Length && (char.IsAsciiLetter(userAgent[end]) || userAgent[end] is '-' or '_')) end++;
        return userAgent[..end];
    }

    /// <summary>Whether <paramref name="productToken"/> is one a robots.txt can name (RFC 9309 2.2.1: letters, '-' and '_' only).</summary>
    public static bool IsValidProductToken(string? productToken) =>
        !string.IsNullOrEmpty(productToken) && ProductTokenOf(productToken).Length == productToken.Length;

    /// <summary>Whether the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool IsAllowed(Uri url) => IsAllowed(PathOf(url));

    /// <summary>Whether <paramref name="pathAndQuery"/>, percent-encoded as URLs are (the caller's part, RFC 9309 2.2.2), may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt") return true;
        return Decide(pathAndQuery)?.Allow ?? true;
    }

    /// <summary>The rule that decided, for the log ("Disallow: /search").</summary>
    public string? DecidingRule(Uri url) => Decide(PathOf(url)) is { } rule ? $"{(rule.Allow ? "Allow" : "Disallow")}: {rule.Pattern.Text}" : null;

    private Rule? Decide(string path)
    {
        Rule? best = null;
        foreach (var rule in _rules)
        {
            var length = rule.Pattern.Text.Length;
            if (best is not null && (length < best.Pattern.Text.Length || (length == best.Pattern.Text.Length && (best.Allow || !rule.Allow)))) continue;
            if (rule.Pattern.Matches(path)) best = rule;
        }
        return best;
    }

    /// <summary>
    /// The path and query as robots.txt patterns are compared against: what is not printable ASCII percent-encoded
    /// (<see cref="Uri"/> does most of it), escapes upper-cased.
    /// </summary>
    private static string PathOf(Uri url) => RobotsTxtLines.EscapePattern(Encoding.UTF8.GetBytes(url.PathAndQuery));

    private static string? IndexPageDirectory(string pattern)
    {
        var slash = pattern.LastIndexOf('/');
        return slash >= 0 && pattern.AsSpan(slash).StartsWith("/index.htm", StringComparison.Ordinal) ? pattern[..(slash + 1)] : null;
    }

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    private sealed record Rule(PathPattern Pattern, bool Allow);
}
