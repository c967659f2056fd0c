using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Delivery;

namespace MinistryMonitor.Core.Tests.Delivery;

public sealed class SubscriptionCatalogTests
{
    private static readonly IReadOnlySet<string> Topics = new HashSet<string> { "lachin-corridor", "peace-treaty" };

    [Fact]
    public void Parse_ValidFile_ReadsSubscribersAndTheirTopics()
    {
        var subscribers = SubscriptionCatalog.Parse(
            """{ "subscribers": [ { "email": "a@example.org", "name": "A", "topics": ["lachin-corridor", "peace-treaty"] } ] }""", "subscriptions.json", Topics);

        var subscriber = Assert.Single(subscribers);
        Assert.Equal(("a@example.org", "A"), (subscriber.Email, subscriber.Name));
        Assert.Equal(["lachin-corridor", "peace-treaty"], subscriber.Topics);
    }

    [Theory]
    [InlineData("""{ "subscribers": [ { "email": "not-an-address", "topics": [] } ] }""", "email", "is not an e-mail address")]
    [InlineData("""{ "subscribers": [ { "email": "a@example.org", "topics": ["karabakh"] } ] }""", "topics", "'karabakh' is not a topic id")]
    [InlineData("""{ "subscribers": [ { "email": "a@example.org", "topics": [] }, { "email": "A@example.org", "topics": [] } ] }""", "email", "listed twice")]
    [InlineData("""{ "subscribers": [ { "topics": [] } ] }""", "email", "missing")]
    public void Parse_InvalidSubscriber_NamesTheFieldAndProblem(string json, string field, string problem)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SubscriptionCatalog.Parse(json, "subscriptions.json", Topics));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
    }
}
