using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Monitor.Infrastructure.Azurite;

/// <summary>
/// Azurite, the Azure Storage emulator, run as a child process on free loopback ports: in memory (tests) or
/// with a data folder (the CLI). Disposing stops it with SIGTERM, waits for it, then kills it if it lingers.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account; it is public and grants nothing outside the emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteProcess(Process process, StringBuilder output, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
    }

    public string ConnectionString { get; }

    /// <summary>The emulator's node process (its memory is part of what the pipeline costs locally).</summary>
    public int ProcessId => _process.Id;

    /// <param name="dataDirectory">Where Azurite keeps its data; null keeps everything in memory.</param>
    public static async Task<AzuriteProcess> StartAsync(string? dataDirectory, CancellationToken cancellationToken)
    {
        var entry = await NodeTools.EnsureAzuriteAsync(cancellationToken);
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());

        var args = new List<string>
        {
            entry, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", blob.ToString(), "--queuePort", queue.ToString(), "--tablePort", table.ToString(),
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            // Azurite reports usage over the internet by default; without this it also waits for that report on
            // shutdown, which here (no route out) means tens of seconds before it exits.
            "--disableTelemetry",
        };
        if (dataDirectory is null)
        {
            args.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            args.AddRange(["--location", dataDirectory, "--debug", Path.Combine(dataDirectory, "debug.log")]);
        }

        var psi = new ProcessStartInfo("node", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start node for Azurite; is Node.js installed?");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, output, blob, queue, table);
        try
        {
            await azurite.WaitUntilListeningAsync([blob, queue, table], TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
        return azurite;
    }

    private async Task WaitUntilListeningAsync(int[] ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before it was ready: {Output}");
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, cancellationToken);
                }
                catch (SocketException ex)
                {
                    throw new TimeoutException($"Azurite did not listen on port {port} within {timeout.TotalSeconds} s: {Output}", ex);
                }
            }
        }
    }

    private string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // Azurite flushes its data on SIGTERM and can take several seconds; give it that, then kill it.
                _ = Kill(_process.Id, Sigterm);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
