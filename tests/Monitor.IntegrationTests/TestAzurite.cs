using MinistryMonitor.Infrastructure.Azurite;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// One in-memory Azurite per test process, hence per test assembly, started on first use; each caller gets a storage
/// account of its own on it, so its containers, queues and tables are invisible to every other test, which may run at
/// the same time: one Node.js start-up per assembly instead of one per test or class (xunit v2 has no assembly fixture,
/// hence the lazy static).
/// The Azurite stops when the test process exits; if the process is killed, its supervisor stops it (see
/// <see cref="AzuriteProcess"/>), so none outlives the run. Tests of Azurite's own lifecycle start their own.
/// </summary>
public static class TestAzurite
{
    /// <summary>Accounts Azurite is started with: more than the tests of one assembly take.</summary>
    private const int Accounts = 400;

    private static readonly Lazy<Task<AzuriteProcess>> Shared = new(StartAsync);
    private static int _taken;

    /// <summary>The connection string of an account nothing else uses.</summary>
    public static async Task<string> NewAccountAsync()
    {
        var azurite = await Shared.Value;
        var index = Interlocked.Increment(ref _taken);
        if (index > Accounts)
            throw new InvalidOperationException($"The tests took more than the {Accounts} storage accounts {nameof(TestAzurite)} starts Azurite with; raise {nameof(Accounts)}.");
        return azurite.ConnectionStringOf(AccountName(index));
    }

    private static string AccountName(int index) => $"test{index:D4}";

    private static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync(null, CancellationToken.None,
            accounts: Enumerable.Range(1, Accounts).Select(AccountName).ToList());
        // A clean exit stops it at once rather than leaving the supervisor to notice its closed stdin.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return azurite;
    }
}
