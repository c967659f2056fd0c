using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Tests.Detection;

public class TopicCatalogTests
{
    [Fact]
    public void Parse_SimpleForm_IsAcceptedAsIs()
    {
        var topics = TopicCatalog.Parse("""
            { "topics": [ { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor", "Лачинский коридор", "Laçın dəhlizi"] } ] }
            """, "topics.json");

        var topic = Assert.Single(topics);
        Assert.Equal("lachin-corridor", topic.Id);
        Assert.Equal("Lachin corridor", topic.Name);
        Assert.Equal(["Lachin corridor", "Лачинский коридор", "Laçın dəhlizi"], topic.Terms);
    }

    [Fact]
    public void Parse_RegionGivenOrNot_IsReadOrDefaultsToOtherTopics()
    {
        var topics = TopicCatalog.Parse("""
            { "topics": [ { "id": "a", "region": "South Caucasus", "terms": ["a"] }, { "id": "b", "terms": ["b"] } ] }
            """, "topics.json");

        Assert.Equal(["South Caucasus", Topic.DefaultRegion], topics.Select(t => t.Region));
    }

    [Fact]
    public void Parse_PhrasesAlias_IsReadAsTerms()
    {
        var topic = Assert.Single(TopicCatalog.Parse("""{ "topics": [ { "id": "t", "phrases": ["peace treaty"] } ] }""", "topics.json"));

        Assert.Equal(["peace treaty"], topic.Terms);
        Assert.Equal("t", topic.Name);
    }

    [Fact]
    public void Parse_AdvancedFields_AreRead()
    {
        var topic = Assert.Single(TopicCatalog.Parse("""
            { "topics": [ {
                "id": "lachin", "name": "Lachin",
                "terms": ["Lachin", "border NEAR/5 delimitation"],
                "acronyms": ["CSTO"],
                "exclude": ["Lachin district court"],
                "requireAll": [["Armenia", "Армения"], "Azerbaijan"],
                "scope": "sentence"
            } ] }
            """, "topics.json"));

        Assert.Equal(["CSTO"], topic.Acronyms);
        Assert.Equal(["Lachin district court"], topic.Exclude);
        Assert.Equal(2, topic.RequireAll.Count);
        Assert.Equal(["Azerbaijan"], topic.RequireAll[1]);
        Assert.Equal(MatchScope.Sentence, topic.Scope);
    }

    [Theory]
    [InlineData("""{ "topics": [ { "id": "a", "terms": [] } ] }""", "a", "terms", "at least one term")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x"] }, { "id": "a", "terms": ["y"] } ] }""", "a", "id", "duplicate")]
    [InlineData("""{ "topics": [ { "name": "no id", "terms": ["x"] } ] }""", "#1", "id", "missing")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x", ""] } ] }""", "a", "terms", "non-empty")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["border NEAR/x delimitation"] } ] }""", "a", "terms", "whole number")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["border NEAR/500 delimitation"] } ] }""", "a", "terms", "0 to 50")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["NEAR/3 delimitation"] } ] }""", "a", "terms", "each side")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["a NEAR/2 b NEAR/2 c"] } ] }""", "a", "terms", "only one NEAR")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["— –"] } ] }""", "a", "terms", "no letters or digits")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["La*çın"] } ] }""", "a", "terms", "only allowed at the end")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x"], "exlude": ["y"] } ] }""", "a", "exlude", "unknown field")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x"], "exclude": ["a NEAR/2 b"] } ] }""", "a", "exclude", "NEAR/n is not allowed")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x"], "requireAll": [[]] } ] }""", "a", "requireAll[1]", "at least one")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x"], "requireAll": [["y"], ["b NEAR/2 c"]] } ] }""", "a", "requireAll[2]", "NEAR/n is not allowed")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x"], "requireAll": [["y"]], "scope": "page" } ] }""", "a", "scope", "sentence")]
    [InlineData("""{ "topics": [ { "id": "a", "acronyms": ["CSTO*"] } ] }""", "a", "acronyms", "cannot end with")]
    [InlineData("""{ "topics": [ { "id": "a", "terms": "Lachin" } ] }""", "a", "terms", "array")]
    public void Parse_BadTopic_NamesTopicFieldAndProblem(string json, string entry, string field, string problem)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => TopicCatalog.Parse(json, "topics.json"));

        Assert.Equal("topics.json", error.File);
        Assert.Equal(entry, error.EntryId);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"'{entry}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "topics": [ { "id": "a", "terms": ["x"] } """)]
    [InlineData("""[ { "id": "a", "terms": ["x"] } ]""")]
    public void Parse_BadFile_NamesFile(string json)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => TopicCatalog.Parse(json, "broken.json"));

        Assert.StartsWith("broken.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-topics-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<ConfigurationFileException>(() => TopicCatalog.Load(path));

        Assert.Contains("not found", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithComments_IsAccepted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"topics-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            // operators annotate their files
            { "topics": [ { "id": "csto", "acronyms": ["CSTO", "ОДКБ"], }, ] }
            """);
        try
        {
            var topic = Assert.Single(TopicCatalog.Load(path));
            Assert.Equal(["CSTO", "ОДКБ"], topic.Acronyms);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
