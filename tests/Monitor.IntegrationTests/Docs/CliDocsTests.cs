using System.CommandLine;
using System.Globalization;
using System.Reflection;
using MinistryMonitor.Cli.Commands;
using MinistryMonitor.Core.Tests;

namespace MinistryMonitor.IntegrationTests.Docs;

/// <summary>
/// docs/cli.md documents every <c>monitor</c> command with all its options, and every exit code, as the command line
/// defines them: a new command, option or exit code fails here until it is documented.
/// </summary>
public sealed class CliDocsTests
{
    private const string Page = "docs/cli.md";

    /// <summary>Documented once for every command, in the text under the table.</summary>
    private static readonly string[] GlobalOptions = ["--data", "--verbose", "--help", "--version"];

    private static readonly IReadOnlyList<MarkdownTable> Tables = RepositoryDocs.Tables(RepositoryDocs.Read(Page));

    [Fact]
    public void CliDoc_EveryCommand_HasARowWithEveryOption()
    {
        var commandRows = Tables.Single(t => t.Header[0] == "command").Rows.Select(r => r[0]).ToList();
        var commands = Leaves(MonitorCli.CreateRoot(), prefix: null).ToList();
        Assert.Contains(commands, c => c.Path == "subscribers add"); // the walk reached the nested commands

        var problems = new List<string>();
        foreach (var (path, command) in commands)
        {
            var rows = commandRows.Where(r => r.StartsWith($"`{path} ", StringComparison.Ordinal) || r.StartsWith($"`{path}`", StringComparison.Ordinal)).ToList();
            if (rows.Count == 0)
            {
                problems.Add($"`monitor {path}` has no row");
                continue;
            }
            var documented = string.Join(' ', rows);
            problems.AddRange(command.Options
                .Where(o => !GlobalOptions.Contains(o.Name) && !documented.Contains(o.Name, StringComparison.Ordinal))
                .Select(o => $"`monitor {path}`: option {o.Name} is not in its row"));
        }

        Assert.True(problems.Count == 0, $"{Page} is behind the command line:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void CliDoc_ExitCodeTable_ListsEveryExitCodeAndNoOther()
    {
        var codes = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => ((int)f.GetRawConstantValue()!).ToString(CultureInfo.InvariantCulture)).Order().ToList();
        var documented = Tables.Single(t => t.Header[0] == "code").Rows.Select(r => r[0]).Order().ToList();

        Assert.Equal(codes, documented);
    }

    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string? prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            var path = prefix is null ? sub.Name : $"{prefix} {sub.Name}";
            if (sub.Subcommands.Count == 0) yield return (path, sub);
            else foreach (var leaf in Leaves(sub, path)) yield return leaf;
        }
    }
}
