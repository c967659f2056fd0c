using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using MinistryMonitor.Infrastructure.Azurite;

namespace MinistryMonitor.IntegrationTests;

/// <summary>Azurite listens on ports it was given by the system, and says which; nothing picks them beforehand.</summary>
[Trait("Category", "Slow")]
public sealed class AzuriteProcessTests
{
    [Theory]
    [InlineData("Azurite Blob service is successfully listening at http://127.0.0.1:41234", "Blob", 41234)]
    [InlineData("Azurite Queue service is successfully listening at http://127.0.0.1:10001", "Queue", 10001)]
    [InlineData("Azurite Table service is successfully listening at https://[::1]:38011", "Table", 38011)]
    public void TryParse_ListeningLine_GivesServiceAndPort(string line, string service, int port)
    {
        Assert.True(AzuriteListening.TryParse(line, out var parsedService, out var parsedPort));
        Assert.Equal((service, port), (parsedService, parsedPort));
    }

    [Theory]
    [InlineData("Azurite Blob service is starting at http://127.0.0.1:0")]
    [InlineData("Azurite File service is successfully listening at http://127.0.0.1:41234")]
    [InlineData("Azurite Blob service is successfully listening at http://127.0.0.1:99999")]
    [InlineData("azurite-pid 4242")]
    public void TryParse_OtherLine_IsNotAListeningLine(string line) =>
        Assert.False(AzuriteListening.TryParse(line, out _, out _));

    [Fact]
    public async Task StartAsync_SeveralAtOnce_EachServesOnItsOwnPorts()
    {
        var started = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AzuriteProcess.StartAsync(null, CancellationToken.None)));
        try
        {
            Assert.Equal(3, started.Select(a => a.ConnectionString).Distinct().Count());
            // Each one is a separate store: a container made in one is not in the others.
            for (var i = 0; i < started.Length; i++)
            {
                await new BlobServiceClient(started[i].ConnectionString).CreateBlobContainerAsync($"only-in-{i}");
                await new QueueServiceClient(started[i].ConnectionString).CreateQueueAsync($"only-in-{i}");
                await new TableServiceClient(started[i].ConnectionString).CreateTableAsync($"onlyin{i}");
            }
            for (var i = 0; i < started.Length; i++)
            {
                var containers = new BlobServiceClient(started[i].ConnectionString).GetBlobContainersAsync().Select(c => c.Name);
                Assert.Equal([$"only-in-{i}"], await containers.ToListAsync());
            }
        }
        finally
        {
            foreach (var azurite in started) await azurite.DisposeAsync();
        }
    }
}
