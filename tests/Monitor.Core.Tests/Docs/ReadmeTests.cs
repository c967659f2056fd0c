using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Tests.Docs;

/// <summary>
/// The README keeps what a newcomer needs first and no more: what it is, the two commands, the flow and where to go
/// next, within 150 lines; the test command it gives is the one CI runs, and it leads to every page of docs/.
/// </summary>
public sealed class ReadmeTests
{
    private const int MaxLines = 150;
    private static readonly string Readme = RepositoryDocs.Read("README.md");

    [Fact]
    public void Readme_LineCount_IsAtMost150()
    {
        var lines = Readme.TrimEnd('\n').Split('\n').Length;

        Assert.True(lines <= MaxLines, $"README.md has {lines} lines; keep it within {MaxLines} and move the rest to docs/.");
    }

    [Fact]
    public void Readme_TestCommand_IsTheOneCiRuns()
    {
        // .ci/run promises to run "exactly the test command README gives"; its redirections and pipe are not the command.
        var ci = Regex.Match(RepositoryDocs.Read(".ci/run"), @"^(?<command>dotnet test(?:[ \t]+[^\s|<>&]+(?=\s|$))*)", RegexOptions.Multiline);
        Assert.True(ci.Success, ".ci/run has no `dotnet test` line.");

        Assert.Contains(ci.Groups["command"].Value, RepositoryDocs.CodeLines(Readme, "sh").Select(l => l.Trim()));
    }

    [Fact]
    public void Readme_MainCommand_RunsTheDemoOfTheCliProject()
    {
        Assert.Contains("dotnet run --project src/Monitor.Cli -- demo", RepositoryDocs.CodeLines(Readme, "sh").Select(l => l.Trim()));
    }

    [Fact]
    public void Readme_EveryDocsPage_IsLinked()
    {
        var linked = RepositoryDocs.Links(Readme).Select(l => l.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var pages = RepositoryDocs.Pages().Where(p => p != "README.md").ToList();
        Assert.Contains("docs/configuration.md", pages); // the pages were found at all

        var unlinked = pages.Where(p => !linked.Contains(p)).ToList();

        Assert.True(unlinked.Count == 0, "README.md does not lead to: " + string.Join(", ", unlinked));
    }

    [Theory]
    [InlineData("cli.md")]
    [InlineData("configuration.md")]
    [InlineData("subscribers.md")]
    [InlineData("archive-and-web.md")]
    [InlineData("reliability.md")]
    [InlineData("deploying.md")]
    [InlineData("benchmarks.md")]
    public void DocsFolder_NamedPage_Exists(string page)
    {
        Assert.True(File.Exists(Path.Combine(RepositoryDocs.Root, "docs", page)), $"docs/{page} is missing.");
    }
}
