using System.Diagnostics;
using System.Text;

namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>
/// The one Azurite of a data folder, shared by every <c>monitor</c> command on it: the first one starts it, the others
/// attach (same ports, same connection string), and it stops when the last one ends, however it ends. Two Azurites on
/// one folder would each write it from their own copy in memory and lose each other's data.
/// </summary>
/// <remarks>
/// The folder's <c>storage.lock</c> (an OS file lock) lets one command at a time attach or start, so concurrent
/// starts give one Azurite. The supervisor (azurite-supervisor.js, shared mode) runs in its own session and counts
/// the commands by their open control connections; its record, <c>storage.json</c>, says where it listens. A record
/// whose supervisor is dead is stale: its Azurite, if it still runs, is stopped (so it flushes) and a new one starts.
/// </remarks>
public sealed class SharedAzurite : ILocalAzurite
{
    private const string LockFileName = "storage.lock";
    private const string LogFileName = "storage.log";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly StorageMembership _membership;

    private SharedAzurite(StorageRecord record, StorageMembership membership, bool startedHere, string? tookOver)
    {
        _membership = membership;
        ConnectionString = AzuriteProcess.ConnectionStringFor(record.BlobPort, record.QueuePort, record.TablePort);
        AzuriteProcessId = record.AzuritePid;
        SupervisorProcessId = record.SupervisorPid;
        StartedHere = startedHere;
        TookOver = tookOver;
    }

    public string ConnectionString { get; }

    public int AzuriteProcessId { get; }

    public int SupervisorProcessId { get; }

    /// <summary>Whether this command started the Azurite (else it attached to one another command started).</summary>
    public bool StartedHere { get; }

    /// <summary>What was left of a killed owner and taken over before starting, or null.</summary>
    public string? TookOver { get; }

    /// <param name="dataDirectory">The data folder (<c>--data</c>); Azurite keeps its files in its <c>azurite</c> folder.</param>
    /// <param name="debugLog">Azurite's debug log, if this command starts it (the first command decides).</param>
    public static async Task<SharedAzurite> AttachAsync(string dataDirectory, bool debugLog, CancellationToken cancellationToken)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var recordPath = Path.Combine(dataDirectory, StorageRecord.FileName);
        // Installed (once, minutes perhaps) before taking the folder's lock, which others wait on only for a start.
        var entry = await NodeTools.EnsureAzuriteAsync(cancellationToken);
        var deadline = DateTime.UtcNow + StartTimeout;
        FileStream gate;
        try
        {
            gate = await FileLock.AcquireAsync(Path.Combine(dataDirectory, LockFileName), StartTimeout, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new StorageEmulatorException(
                $"Another monitor command has been starting the storage of {dataDirectory} for {StartTimeout.TotalSeconds:0} s (it holds {LockFileName}); see {Path.Combine(dataDirectory, LogFileName)}.", ex);
        }
        await using var held = gate;
        var startedHere = false;
        string? tookOver = null;
        var unreadableSince = (DateTime?)null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
                throw new StorageEmulatorException($"The storage of {dataDirectory} did not become ready within {StartTimeout.TotalSeconds:0} s; see {Path.Combine(dataDirectory, LogFileName)}.");

            var record = StorageRecord.TryRead(recordPath);
            if (record is null && File.Exists(recordPath))
            {
                // Being written this moment, or damaged; a damaged record has no supervisor that could complete it.
                unreadableSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - unreadableSince < TimeSpan.FromSeconds(5))
                {
                    await Task.Delay(100, cancellationToken);
                    continue;
                }
                tookOver = $"an unreadable {StorageRecord.FileName}";
                File.Delete(recordPath);
                continue;
            }
            unreadableSince = null;
            if (record is null)
            {
                startedHere |= await LaunchAsync(entry, dataDirectory, recordPath, debugLog, cancellationToken);
                continue;
            }
            if (!record.SupervisorIsAlive)
            {
                tookOver = await TakeOverAsync(record, recordPath);
                continue;
            }
            if (!record.IsReady)
            {
                await Task.Delay(100, cancellationToken);
                continue;
            }
            if (await StorageMembership.JoinAsync(record.ControlPort, record.Token, cancellationToken) is { } membership)
                return new SharedAzurite(record, membership, startedHere, tookOver);

            // The last command on the folder has just left: this Azurite is flushing and stopping. A new one may
            // start only once it is gone, or the two would write the folder at once.
            await WaitUntilAsync(() => !record.SupervisorIsAlive, TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    /// <summary>Starts a supervisor for the folder; false if another one owns it already (the loop attaches to it).</summary>
    private static async Task<bool> LaunchAsync(string entry, string dataDirectory, string recordPath, bool debugLog, CancellationToken cancellationToken)
    {
        var args = new List<string> { AzuriteProcess.SupervisorScript(), "--shared", recordPath, Path.Combine(dataDirectory, LogFileName), entry };
        args.AddRange(AzuriteProcess.Arguments(Path.Combine(dataDirectory, "azurite"), debugLog));
        using var launcher = AzuriteProcess.StartNode(args, redirectInput: false);
        var output = new StringBuilder();
        launcher.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        launcher.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        launcher.BeginOutputReadLine();
        launcher.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await launcher.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // A supervisor that gets ready later stops by itself when no command joins it within a minute.
            launcher.Kill();
            if (cancellationToken.IsCancellationRequested) throw;
            throw new TimeoutException($"Azurite did not report its ports within 60 s: {output}");
        }
        launcher.WaitForExit(); // flushes the output readers
        return launcher.ExitCode switch
        {
            0 => true,
            3 => false,
            var code => throw new StorageEmulatorException($"Azurite exited with code {code} before it was ready: {output}"),
        };
    }

    /// <summary>A record left by a dead supervisor: its Azurite, if it still runs, is stopped (and flushes) first.</summary>
    private static async Task<string> TakeOverAsync(StorageRecord record, string recordPath)
    {
        var what = $"a stale {StorageRecord.FileName} (supervisor {record.SupervisorPid}, started {record.StartedAt:u}, is gone)";
        if (record.AzuriteIsAlive)
        {
            what += $"; its Azurite (process {record.AzuritePid}) was stopped";
            await TerminateAsync(record.AzuritePid);
            if (!await WaitUntilAsync(() => !record.AzuriteIsAlive, TimeSpan.FromSeconds(15), CancellationToken.None))
            {
                try
                {
                    using var azurite = Process.GetProcessById(record.AzuritePid);
                    azurite.Kill();
                    await WaitUntilAsync(() => !record.AzuriteIsAlive, TimeSpan.FromSeconds(5), CancellationToken.None);
                }
                catch (ArgumentException)
                {
                    // It exited after all.
                }
            }
        }
        File.Delete(recordPath);
        return what;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100, cancellationToken);
        }
        return true;
    }

    /// <summary>SIGTERM, on which Azurite writes its data out before it exits (.NET's Kill is SIGKILL); node sends it on every system.</summary>
    private static async Task TerminateAsync(int pid)
    {
        using var node = AzuriteProcess.StartNode(["-e", $"try {{ process.kill({pid}, 'SIGTERM') }} catch {{}}"], redirectInput: false);
        await node.WaitForExitAsync();
    }

    public ValueTask DisposeAsync() => _membership.DisposeAsync();
}
