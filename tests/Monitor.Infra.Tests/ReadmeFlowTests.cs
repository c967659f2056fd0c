using System.Text.RegularExpressions;
using MinistryMonitor.Core.Tests;

namespace MinistryMonitor.Infra.Tests;

/// <summary>
/// The README's flow shows the Functions the app really has: each function the worker SDK generated is a box in the
/// diagram and a row of the table under it, and the table names no function that does not exist.
/// </summary>
public sealed class ReadmeFlowTests
{
    private static readonly string Readme = RepositoryDocs.Read("README.md");

    [Fact]
    public void ReadmeFlowTable_Functions_AreTheFunctionsOfTheBuild()
    {
        var table = RepositoryDocs.Tables(Readme).Single(t => t.Header[0].StartsWith("Function", StringComparison.Ordinal));
        // The first cell names one or more functions in backticks, then their trigger: "`Schedule` (timer `%X%`)".
        var documented = table.Rows
            .SelectMany(r => r[0].Split('(')[0].Split('`').Where((_, i) => i % 2 == 1))
            .Order(StringComparer.Ordinal);

        Assert.Equal(FunctionsMetadata.FunctionNames.Order(StringComparer.Ordinal), documented);
    }

    [Fact]
    public void ReadmeFlowDiagram_EveryFunction_IsABox()
    {
        var flow = Readme.IndexOf("## The flow", StringComparison.Ordinal);
        Assert.True(flow >= 0, "README.md has no '## The flow' section.");
        var open = Readme.IndexOf("```\n", flow, StringComparison.Ordinal) + 4;
        var text = Readme[open..Readme.IndexOf("```", open, StringComparison.Ordinal)];
        Assert.NotEmpty(FunctionsMetadata.FunctionNames);

        var missing = FunctionsMetadata.FunctionNames.Where(f => !Regex.IsMatch(text, $@"\b{f}\b")).ToList();

        Assert.True(missing.Count == 0, "Functions the README's flow diagram does not show: " + string.Join(", ", missing));
    }
}
