using MinistryMonitor.Infrastructure.DataProtection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MinistryMonitor.IntegrationTests;
using MinistryMonitor.Web.Security;

namespace MinistryMonitor.Web.Tests.Security;

/// <summary><see cref="BlobXmlRepository"/> against Azurite; each test has its own container.</summary>
[Trait("Category", "Slow")]
public sealed class BlobXmlRepositoryTests(BlobXmlRepositoryTests.Storage storage) : IClassFixture<BlobXmlRepositoryTests.Storage>
{
    public sealed class Storage : IAsyncLifetime
    {
        public string ConnectionString { get; private set; } = null!;
        public async Task InitializeAsync() => ConnectionString = await TestAzurite.NewAccountAsync();
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private static readonly XElement Key = XElement.Parse("""<key id="3f2a6a5e-0a51-4c52-9f43-1a1d4b8e7c10" version="1"><creationDate>2026-11-29T23:00:00Z</creationDate></key>""");

    [Fact]
    public void StoreElement_NoContainerYet_CreatesItAndGetAllElementsReadsTheElementBack()
    {
        var (repository, container) = New();
        Assert.Empty(repository.GetAllElements());
        Assert.False(container.Exists().Value);

        repository.StoreElement(Key, "key-3f2a6a5e-0a51-4c52-9f43-1a1d4b8e7c10");

        Assert.Equal(["key-3f2a6a5e-0a51-4c52-9f43-1a1d4b8e7c10.xml"], BlobNames(container));
        Assert.True(XNode.DeepEquals(Key, Assert.Single(repository.GetAllElements())));
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, container.GetAccessPolicy().Value.BlobPublicAccess);
    }

    [Fact]
    public void StoreElement_SameElementTwice_KeepsOneBlob()
    {
        var (repository, container) = New();

        repository.StoreElement(Key, "key-1");
        repository.StoreElement(new XElement(Key), "key-1");

        Assert.Equal(["key-1.xml"], BlobNames(container));
        Assert.Single(repository.GetAllElements());
    }

    [Fact]
    public void StoreElement_AnotherElementUnderATakenName_KeepsBoth()
    {
        var (repository, container) = New();
        var revocation = XElement.Parse("""<revocation version="1"><revocationDate>2026-11-29T23:10:00Z</revocationDate><key id="*" /></revocation>""");

        repository.StoreElement(Key, "revocation-20261129");
        repository.StoreElement(revocation, "revocation-20261129");

        var names = BlobNames(container);
        Assert.Equal(2, names.Count);
        Assert.Contains("revocation-20261129.xml", names);
        Assert.Single(names, n => Regex.IsMatch(n, "^revocation-20261129-[0-9a-f]{32}\\.xml$"));
        var elements = repository.GetAllElements();
        Assert.Contains(elements, e => XNode.DeepEquals(e, Key));
        Assert.Contains(elements, e => XNode.DeepEquals(e, revocation));
    }

    [Fact]
    public void GetAllElements_SecondRepositoryOnItsOwnClient_SeesTheFirstsKeys()
    {
        var (first, container) = New();
        first.StoreElement(Key, "key-a");
        first.StoreElement(new XElement("key", new XAttribute("id", "b")), "key-b");

        var second = new BlobXmlRepository(new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient(container.Name), NullLogger<BlobXmlRepository>.Instance);

        Assert.Equal(["3f2a6a5e-0a51-4c52-9f43-1a1d4b8e7c10", "b"], second.GetAllElements().Select(e => (string?)e.Attribute("id")));
    }

    [Fact]
    public void GetAllElements_ABlobThatIsNotXml_IsSkippedAndLeftInPlace()
    {
        var (repository, container) = New();
        repository.StoreElement(Key, "key-good");
        container.UploadBlob("key-damaged.xml", BinaryData.FromString("<key id=\"damaged\"><creat"));

        Assert.True(XNode.DeepEquals(Key, Assert.Single(repository.GetAllElements())));
        Assert.Equal(["key-damaged.xml", "key-good.xml"], BlobNames(container));
    }

    [Theory]
    [InlineData("key-3f2a6a5e-0a51-4c52-9f43-1a1d4b8e7c10", "key-3f2a6a5e-0a51-4c52-9f43-1a1d4b8e7c10.xml")]
    [InlineData("../../archive/statement", null)]
    [InlineData("key with spaces", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void BlobName_FriendlyName_IsKeptOnlyWhenPlain(string? friendlyName, string? expected)
    {
        var name = BlobXmlRepository.BlobName(friendlyName);

        if (expected is not null) Assert.Equal(expected, name);
        else Assert.Matches("^[0-9a-f]{32}\\.xml$", name);
    }

    [Fact]
    public void DataProtection_TwoProvidersOnOneContainer_UnprotectWhatTheOtherProtected()
    {
        // Real key manager on both sides: the first makes a key and stores it through the repository, the second reads it.
        var (_, container) = New();
        using var first = Provider(container.Name);
        var payload = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("form token");
        using var second = Provider(container.Name);

        Assert.Equal("form token", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
        Assert.Single(BlobNames(container), n => n.StartsWith("key-", StringComparison.Ordinal));
    }

    private ServiceProvider Provider(string containerName)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName(DataProtectionServiceExtensions.ApplicationName);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobXmlRepository(
            new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient(containerName), NullLogger<BlobXmlRepository>.Instance));
        return services.BuildServiceProvider();
    }

    private (BlobXmlRepository Repository, BlobContainerClient Container) New()
    {
        var container = new BlobServiceClient(storage.ConnectionString).GetBlobContainerClient("dp-" + Guid.NewGuid().ToString("N"));
        return (new BlobXmlRepository(container, NullLogger<BlobXmlRepository>.Instance), container);
    }

    private static List<string> BlobNames(BlobContainerClient container) => container.GetBlobs(new Azure.Storage.Blobs.Models.GetBlobsOptions()).Select(b => b.Name).ToList();
}
