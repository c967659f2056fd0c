using System.Globalization;
using System.Text;

namespace Monitor.Core.Politeness;

/// <summary>
/// A parsed robots.txt (RFC 9309): the group for the monitor's product token (else the <c>*</c> group), matched
/// by the longest Allow or Disallow path (Allow wins a tie), with <c>*</c> and <c>$</c> wildcards, and the
/// group's Crawl-delay (not in the RFC, but widely used, and honoured here).
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

    /// <summary>robots.txt could not be read (5xx, unreachable): RFC 9309 says assume everything is disallowed.</summary>
    public static RobotsTxt DisallowAll { get; } = new([new Rule("/", Allow: false)], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent || current is null)
                    {
                        current = new Group();
                        groups.Add(current);
                    }
                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    // An empty Disallow allows everything: it adds no rule.
                    if (value.Length > 0) current.Rules.Add(new Rule(Normalize(value), key == "allow"));
                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                        current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 3600));
                    break;
            }
            lastWasAgent = false;
        }

        var token = productToken.ToLowerInvariant();
        // Every group naming the product token applies (RFC 9309 2.2.1: they are combined); else every '*' group.
        var matching = groups.Where(g => g.Agents.Contains(token)).ToList();
        if (matching.Count == 0) matching = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsTxt(matching.SelectMany(g => g.Rules).ToList(), matching.Select(g => g.CrawlDelay).Max());
    }

    /// <summary>Whether the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool IsAllowed(Uri url)
    {
        var path = Normalize(url.PathAndQuery);
        if (path == "/robots.txt") return true;
        Rule? best = null;
        foreach (var rule in _rules)
        {
            if (!rule.Matches(path)) continue;
            if (best is null || rule.Path.Length > best.Path.Length || (rule.Path.Length == best.Path.Length && rule.Allow)) best = rule;
        }
        return best?.Allow ?? true;
    }

    /// <summary>The rule that decided, for the log ("Disallow: /search").</summary>
    public string? DecidingRule(Uri url)
    {
        var path = Normalize(url.PathAndQuery);
        var best = _rules.Where(r => r.Matches(path)).OrderByDescending(r => r.Path.Length).ThenByDescending(r => r.Allow).FirstOrDefault();
        return best is null ? null : $"{(best.Allow ? "Allow" : "Disallow")}: {best.Path}";
    }

    // Paths compare percent-encoded (RFC 9309 2.2.2): encode what is not ASCII, keep existing escapes.
    private static string Normalize(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            if (b > 0x7F || b <= 0x20) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            else builder.Append((char)b);
        }
        var result = builder.ToString();
        // Escapes compare case-insensitively.
        return System.Text.RegularExpressions.Regex.Replace(result, "%[0-9a-fA-F]{2}", m => m.Value.ToUpperInvariant());
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<Rule> Rules { get; } = [];
        public TimeSpan? CrawlDelay { get; set; }
    }

    private sealed record Rule(string Path, bool Allow)
    {
        public bool Matches(string path) => Match(Path, 0, path, 0);

        private static bool Match(string pattern, int p, string path, int i)
        {
            while (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '$' && p == pattern.Length - 1) return i == path.Length;
                if (c == '*')
                {
                    // Collapse runs of '*', then try every split.
                    while (p < pattern.Length && pattern[p] == '*') p++;
                    if (p == pattern.Length) return true;
                    for (var k = i; k <= path.Length; k++)
                        if (Match(pattern, p, path, k)) return true;
                    return false;
                }
                if (i >= path.Length || path[i] != c) return false;
                p++;
                i++;
            }
            return true;
        }
    }
}
