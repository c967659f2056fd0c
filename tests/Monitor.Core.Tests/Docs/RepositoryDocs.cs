using System.Text;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Tests;

/// <summary>
/// The repository's Markdown documentation (README.md, CONTRIBUTING.md, docs/*.md) read as the tests that hold it
/// against the code need it: its links, its headings' anchors, and the rows of its tables. Code blocks and inline code
/// are not prose, so links and headings inside them do not count. Linked into the test projects that check docs.
/// </summary>
public static partial class RepositoryDocs
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every Markdown file a reader walks: the README, CONTRIBUTING and the docs folder, as paths relative to the root.</summary>
    public static IReadOnlyList<string> Pages() =>
    [
        "README.md",
        "CONTRIBUTING.md",
        .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')),
    ];

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath)).ReplaceLineEndings("\n");

    /// <summary>The targets of the Markdown links and images in a page's prose (not in code).</summary>
    public static IReadOnlyList<string> Links(string markdown) =>
        LinkPattern().Matches(InlineCode().Replace(WithoutCodeBlocks(markdown), string.Empty)).Select(m => m.Groups["target"].Value).ToList();

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as '-', repeats numbered.</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in WithoutCodeBlocks(markdown).Split('\n'))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success) continue;
            var slug = Slug(heading.Groups["text"].Value);
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++) unique = $"{slug}-{n}";
        }
        return anchors;
    }

    /// <summary>
    /// Every relative link of <paramref name="pagePath"/> (relative to <paramref name="root"/>) that leads nowhere: to a
    /// file or folder that does not exist, or to a heading its Markdown file does not have. Web and mail links are not followed.
    /// </summary>
    public static IReadOnlyList<string> BrokenLinks(string root, string pagePath)
    {
        var page = File.ReadAllText(Path.Combine(root, pagePath)).ReplaceLineEndings("\n");
        var broken = new List<string>();
        foreach (var link in Links(page))
        {
            if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto") continue;
            var hash = link.IndexOf('#');
            var file = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
            var anchor = hash < 0 ? null : link[(hash + 1)..];
            var target = file.Length == 0 ? Path.Combine(root, pagePath) : Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(pagePath)!, file));
            if (!File.Exists(target) && !Directory.Exists(target))
                broken.Add($"{pagePath}: ({link}) -> no such file");
            else if (anchor is not null && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                     && !Anchors(File.ReadAllText(target).ReplaceLineEndings("\n")).Contains(anchor))
                broken.Add($"{pagePath}: ({link}) -> no heading #{anchor} in {Path.GetFileName(target)}");
        }
        return broken;
    }

    /// <summary>The page's tables: the header's cells and each body row's cells (a <c>\|</c> stays inside its cell).</summary>
    public static IReadOnlyList<MarkdownTable> Tables(string markdown)
    {
        var tables = new List<MarkdownTable>();
        List<IReadOnlyList<string>>? rows = null;
        foreach (var line in WithoutCodeBlocks(markdown).Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                rows = null;
                continue;
            }
            var cells = CellSeparator().Split(line.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|")).ToList();
            if (rows is null)
            {
                rows = [];
                tables.Add(new MarkdownTable(cells, rows));
            }
            else if (!cells.All(c => c.Trim(':').Length > 0 && c.Trim(':').All(ch => ch == '-')))
            {
                rows.Add(cells);
            }
        }
        return tables;
    }

    /// <summary>The lines of the page's fenced code blocks of the given language (<c>sh</c>, <c>json</c> …).</summary>
    public static IReadOnlyList<string> CodeLines(string markdown, string language) =>
        CodeBlock().Matches(markdown).Where(m => m.Groups["language"].Value == language)
            .SelectMany(m => m.Groups["body"].Value.Split('\n')).ToList();

    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (c == ' ') slug.Append('-');
            else if (char.IsLetterOrDigit(c) || c is '-' or '_' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) slug.Append(c);
        }
        return slug.ToString();
    }

    private static string WithoutCodeBlocks(string markdown) => CodeBlock().Replace(markdown, string.Empty);

    [GeneratedRegex(@"^```(?<language>[a-z]*)\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")) && File.Exists(Path.Combine(dir.FullName, "README.md")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No Monitor.sln with a README.md above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A Markdown table: its header's cells and its body rows' cells.</summary>
public sealed record MarkdownTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);
