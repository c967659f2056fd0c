namespace MinistryMonitor.IntegrationTests.Subscriptions;

/// <summary><c>monitor subscribers add|list|remove</c> as an operator runs them: separate processes on one data folder.</summary>
[Trait("Category", "Slow")]
public sealed class SubscribersCliTests
{
    [Fact]
    public async Task Subscribers_AddListRemove_KeepTheSubscriptionsInStorageAndRefuseBadInputWithExit2()
    {
        var directory = Directory.CreateTempSubdirectory("monitor-cli-").FullName;
        File.WriteAllText(Path.Combine(directory, "sources.json"), """{ "sources": [ { "id": "mfa", "name": "MFA", "language": "en", "feed": "https://mfa.example/feed" } ] }""");
        File.WriteAllText(Path.Combine(directory, "topics.json"), """{ "topics": [ { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor"] } ] }""");
        var none = new Dictionary<string, string>();

        var bad = await CliTests.MonitorAsync(directory, none, "subscribers", "add", "not-an-address", "--topic", "lachin-corridor");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("address: 'not-an-address' is not an e-mail address", bad.Output);
        var badHook = await CliTests.MonitorAsync(directory, none, "subscribers", "add", "ops@example.org", "--topic", "lachin-corridor", "--webhook", "http://hooks.example.org/x");
        Assert.Equal(2, badHook.ExitCode);
        Assert.Contains("webhook: 'http://hooks.example.org/x' must use https", badHook.Output);

        var added = await CliTests.MonitorAsync(directory, none, "subscribers", "add", "desk@example.org", "--topic", "lachin-corridor",
            "--terms", "Лачинский коридор", "--mode", "daily", "--hour", "9", "--tz", "Europe/Moscow", "--source", "mfa");
        Assert.True(added.ExitCode == 0, added.Output);

        var listed = Assert.Single(CliTests.JsonLines(await CliTests.MonitorAsync(directory, none, "subscribers", "list", "--json")));
        Assert.Equal("desk@example.org", listed.GetProperty("address").GetString());
        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.Equal("daily", listed.GetProperty("mode").GetString());
        Assert.Equal("Europe/Moscow", listed.GetProperty("timeZone").GetString());
        Assert.Equal("Лачинский коридор", listed.GetProperty("terms")[0].GetString());
        Assert.True(listed.GetProperty("withdrawals").GetBoolean());

        var quiet = await CliTests.MonitorAsync(directory, none, "subscribers", "add", "quiet@example.org", "--topic", "lachin-corridor", "--no-withdrawals");
        Assert.True(quiet.ExitCode == 0, quiet.Output);
        Assert.False(CliTests.JsonLines(await CliTests.MonitorAsync(directory, none, "subscribers", "list", "--json"))
            .Single(s => s.GetProperty("address").GetString() == "quiet@example.org").GetProperty("withdrawals").GetBoolean());
        Assert.True((await CliTests.MonitorAsync(directory, none, "subscribers", "remove", "quiet@example.org")).ExitCode == 0);

        var removed = await CliTests.MonitorAsync(directory, none, "subscribers", "remove", "desk@example.org");
        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.Empty(CliTests.JsonLines(await CliTests.MonitorAsync(directory, none, "subscribers", "list", "--json")));
        Directory.Delete(directory, recursive: true);
    }
}
