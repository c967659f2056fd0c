using Microsoft.Extensions.Configuration;
using MinistryMonitor.Cli.Local;

namespace MinistryMonitor.Infrastructure.Tests.Cli;

/// <summary>Commands started together on a new data folder sign subscribers' links with one key.</summary>
public sealed class LocalSigningKeyTests
{
    [Fact]
    public async Task AddDefaults_ManyCommandsOnANewFolderAtOnce_AllUseTheOneKeyKept()
    {
        var directory = Directory.CreateTempSubdirectory("monitor-key-").FullName;

        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            var configuration = new ConfigurationManager();
            LocalSubscriberSettings.AddDefaults(configuration, directory);
            return configuration["Links:SigningKey"];
        })));

        Assert.Single(keys.Distinct());
        Assert.Equal(keys[0], File.ReadAllText(Path.Combine(directory, "unsubscribe-signing-key")).Trim());
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
        Directory.Delete(directory, recursive: true);
    }
}
