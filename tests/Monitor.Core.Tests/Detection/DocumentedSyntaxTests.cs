using System.Text.RegularExpressions;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

/// <summary>The topics.json example in Detection/README.md must stay valid and do what the README says.</summary>
public class DocumentedSyntaxTests
{
    private static readonly MentionDetector Detector = new(TopicCatalog.Parse(ReadmeExample(), "README.md"));

    [Fact]
    public void Parse_ReadmeExample_IsAccepted()
    {
        Assert.Equal(["lachin-corridor", "lachin", "border-delimitation", "csto", "talks"], Detector.Topics.Select(t => t.Id));
    }

    [Theory]
    [InlineData("The Lachin district court ruled.", "")]
    [InlineData("Лачин остаётся под контролем.", "lachin")]
    [InlineData("Sərhəd delimitasiyası üzrə komissiya toplandı.", "border-delimitation")]
    [InlineData("Делимитация армяно-азербайджанской границы.", "border-delimitation")]
    [InlineData("OSCE observers; the osce is not it.", "csto")]
    [InlineData("Talks between Armenia and Azerbaijan.", "talks")]
    [InlineData("Talks between Armenia and Georgia.", "")]
    [InlineData("Ermənistan və Azərbaycan arasında danışıqlar.", "talks")]
    public void Match_ReadmeExample_BehavesAsDocumented(string text, string topics)
    {
        var found = string.Join(',', Detector.Match(text).Select(m => m.TopicId).Distinct());

        Assert.Equal(topics, found);
    }

    private static string ReadmeExample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var readme = File.ReadAllText(Path.Combine(dir.FullName, "src", "Monitor.Core", "Detection", "README.md"));
        return Regex.Match(readme, "```jsonc\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
    }
}
