using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MinistryMonitor.Web.Tests;

/// <summary>axe-core on what a page shows now; a failure lists each violated rule with the elements that break it.</summary>
public static class AccessibilityAssert
{
    public static async Task NoViolationsAsync(IPage page, string what, AxeRunOptions? options = null)
    {
        var violations = await ViolationsAsync(page, options);
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {what}:\n" + string.Join("\n", violations.Select(v => "- " + v)));
    }

    /// <summary>Each violated rule as one line naming the rule, its impact and the first elements that break it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, AxeRunOptions? options = null)
    {
        var result = await page.RunAxe(options);
        return (result.Violations ?? []).Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    {string.Join("\n    ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
    }
}
