using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Infrastructure.Options;
using MinistryMonitor.Infrastructure.Storage;

namespace MinistryMonitor.IntegrationTests.Fetching;

/// <summary>The validators table against Azurite: pending statements round-trip, and rows stored before them still read as plain validators.</summary>
[Trait("Category", "Slow")]
public sealed class TableValidatorStoreTests(TableValidatorStoreTests.Storage storage) : IClassFixture<TableValidatorStoreTests.Storage>
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    // One storage account for the class; each test has its own URL.
    private readonly Uri _url = new($"https://mfa.example/news/{Guid.NewGuid():N}");

    private TableValidatorStore Store => new(storage.Clients);

    public sealed class Storage : IAsyncLifetime
    {
        public StorageClients Clients { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = await TestAzurite.NewAccountAsync() }), []);
            await Clients.Table(StorageClients.TableNames.HttpValidators).CreateIfNotExistsAsync();
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task SetAsync_WithPendingStatements_ReadsBackTheSameAndHidesThemFromOlderReaders()
    {
        await Store.SetAsync(_url, new HttpValidators("\"abc\"", "Sun, 29 Nov 2026 07:00:00 GMT", At) { PendingStatements = ["id1", "id2"] }, default);

        var read = await Store.GetAsync(_url, default);

        Assert.Equal(("\"abc\"", "Sun, 29 Nov 2026 07:00:00 GMT", At), (read!.ETag, read.LastModified, read.StoredAt));
        Assert.Equal(["id1", "id2"], read.PendingStatements);
        // A version of the app from before pending statements reads these two columns: it finds nothing to send.
        var row = await Row();
        Assert.Equal((null, null), (row.GetString("ETagValue"), row.GetString("LastModified")));
    }

    [Fact]
    public async Task SetAsync_PlainAfterPending_DropsThePendingStatements()
    {
        await Store.SetAsync(_url, new HttpValidators("\"abc\"", null, At) { PendingStatements = ["id1"] }, default);

        await Store.SetAsync(_url, new HttpValidators("\"abc\"", null, At), default);

        var read = await Store.GetAsync(_url, default);
        Assert.Equal(("\"abc\"", 0), (read!.ETag, read.PendingStatements.Count));
        Assert.Equal("\"abc\"", (await Row()).GetString("ETagValue"));
    }

    [Fact]
    public async Task GetAsync_RowStoredBeforePendingStatements_ReadsAsPlainValidators()
    {
        // The row as the previous version wrote it.
        await storage.Clients.Table(StorageClients.TableNames.HttpValidators).UpsertEntityAsync(new TableEntity(Partition, RowKey)
        {
            ["Url"] = _url.AbsoluteUri,
            ["ETagValue"] = "\"old\"",
            ["LastModified"] = "Sat, 28 Nov 2026 07:00:00 GMT",
            ["StoredAt"] = At,
        });

        var read = await Store.GetAsync(_url, default);

        Assert.Equal(("\"old\"", "Sat, 28 Nov 2026 07:00:00 GMT", 0), (read!.ETag, read.LastModified, read.PendingStatements.Count));
    }

    private string Partition => _url.IdnHost + "_" + _url.Port;

    private string RowKey => Hashes.Sha256(_url.AbsoluteUri);

    private async Task<TableEntity> Row() =>
        (await storage.Clients.Table(StorageClients.TableNames.HttpValidators).GetEntityAsync<TableEntity>(Partition, RowKey)).Value;
}
