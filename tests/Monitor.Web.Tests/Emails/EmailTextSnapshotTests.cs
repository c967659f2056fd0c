using System.Text;

namespace MinistryMonitor.Web.Tests.Emails;

/// <summary>
/// The plain-text part of each e-mail kind against its expected text in <c>Emails/Snapshots/KIND.txt</c>: any
/// difference fails, with the lines that differ. After a deliberate change, run with <c>MONITOR_UPDATE_SNAPSHOTS=1</c>
/// to rewrite the files in the source tree, and review the diff before committing.
/// </summary>
public sealed class EmailTextSnapshotTests
{
    public static TheoryData<string> Kinds => new(SampleEmails.All.Keys);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TextPart_EachKind_MatchesItsSnapshot(string kind)
    {
        var actual = Normalize(SampleEmails.All[kind].TextBody);
        var file = Path.Combine(AppContext.BaseDirectory, "Emails", "Snapshots", kind + ".txt");
        if (Environment.GetEnvironmentVariable("MONITOR_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Emails", "Snapshots", kind + ".txt"), actual);
            return;
        }
        Assert.True(File.Exists(file), $"No snapshot {file}; run with MONITOR_UPDATE_SNAPSHOTS=1 to write it.");
        var expected = Normalize(File.ReadAllText(file));
        Assert.True(expected == actual, $"The text part of '{kind}' differs from Emails/Snapshots/{kind}.txt:\n{LineDiff(expected, actual)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A line diff (longest common subsequence; snapshots are short): "-" expected, "+" actual, with line numbers.</summary>
    private static string LineDiff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var common = new int[e.Length + 1, a.Length + 1];
        for (var i = e.Length - 1; i >= 0; i--)
            for (var j = a.Length - 1; j >= 0; j--)
                common[i, j] = e[i] == a[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        var diff = new StringBuilder();
        int x = 0, y = 0;
        while (x < e.Length || y < a.Length)
        {
            if (x < e.Length && y < a.Length && e[x] == a[y]) { x++; y++; }
            else if (y < a.Length && (x == e.Length || common[x, y + 1] >= common[x + 1, y])) diff.AppendLine($"{y + 1,4} + {a[y++]}");
            else diff.AppendLine($"{x + 1,4} - {e[x++]}");
        }
        return diff.ToString();
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
