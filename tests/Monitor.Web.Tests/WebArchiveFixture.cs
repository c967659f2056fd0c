using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.IntegrationTests;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// A test class's handle on the process's one <see cref="WebArchive"/>: a class fixture rather than a collection
/// fixture, so the classes that read the archive run in parallel instead of one after another.
/// </summary>
public sealed class WebArchiveFixture : IAsyncLifetime
{
    private WebArchive _archive = null!;

    public PipelineHarness Harness => _archive.Harness;
    public LocalWebServer Server => _archive.Server;
    public Uri BaseAddress => _archive.BaseAddress;
    public DateTimeOffset DatedLaterPublished => _archive.DatedLaterPublished;
    public IReadOnlyList<IngestionEntry> SeededLog => _archive.SeededLog;
    public IReadOnlyDictionary<string, (string Source, string Id)> Statements => _archive.Statements;

    public (string Source, string Id) Statement(string title) => _archive.Statement(title);

    public Task<int> PoisonedFetchesAsync() => _archive.PoisonedFetchesAsync();

    public async Task InitializeAsync() => _archive = await WebArchive.InstanceAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
