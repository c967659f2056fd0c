using System.Diagnostics;
using System.Text;

namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>
/// Azurite, the Azure Storage emulator, run as a child process on free loopback ports, private to this process: in
/// memory (tests, the demo) or with a data folder nothing else uses (benchmarks). A data folder `monitor` commands
/// share is <see cref="SharedAzurite"/>'s. It runs under a small Node.js supervisor (azurite-supervisor.js) that stops it
/// when the supervisor's stdin closes: when this process disposes it, exits, or is killed, even with SIGKILL, so
/// no Azurite outlives its owner. Disposing closes that stdin, waits, then kills the tree if it lingers.
/// </summary>
public sealed class AzuriteProcess : ILocalAzurite
{
    // Azurite's well-known development account; it is public and grants nothing outside the emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly Dictionary<string, int> _ports = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<(int Blob, int Queue, int Table)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (int Blob, int Queue, int Table) _endpoints;

    private AzuriteProcess(Process process, StringBuilder output)
    {
        _process = process;
        _output = output;
    }

    /// <summary>Known once Azurite has said which ports it listens on.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The Azurite process itself (a child of the supervisor), once it has reported in; 0 before.</summary>
    public int AzuriteProcessId { get; private set; }

    /// <summary>The supervisor process that owns Azurite.</summary>
    public int SupervisorProcessId => _process.Id;

    /// <summary>The emulator's node process (its memory is part of what the pipeline costs locally).</summary>
    public int ProcessId => AzuriteProcessId;

    /// <param name="dataDirectory">Where Azurite keeps its data; null keeps everything in memory.</param>
    /// <param name="debugLog">Whether Azurite writes its debug log (several lines per request) to debug.log in the data directory.</param>
    /// <param name="accounts">
    /// Storage accounts Azurite serves besides the development account, each with the same well-known key
    /// (<see cref="ConnectionStringOf"/>): a test assembly shares one Azurite and gives each test its own account, whose
    /// containers, queues and tables no other test sees.
    /// </param>
    public static async Task<AzuriteProcess> StartAsync(string? dataDirectory, CancellationToken cancellationToken, bool debugLog = false, IReadOnlyCollection<string>? accounts = null)
    {
        var entry = await NodeTools.EnsureAzuriteAsync(cancellationToken);

        var args = new List<string> { SupervisorScript(), entry };
        args.AddRange(Arguments(dataDirectory, debugLog));

        // The supervisor watches its stdin: the pipe's write end stays in this process and closes when it ends.
        var environment = accounts is { Count: > 0 }
            ? new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = string.Join(';', accounts.Prepend(AccountName).Select(a => $"{a}:{AccountKey}")) }
            : null;
        var process = StartNode(args, redirectInput: true, environment);
        var output = new StringBuilder();
        var azurite = new AzuriteProcess(process, output);
        process.OutputDataReceived += (_, e) => azurite.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.OnOutput(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await azurite.WaitUntilListeningAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
        return azurite;
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var exited = _process.WaitForExitAsync(CancellationToken.None);
        try
        {
            var listening = _listening.Task.WaitAsync(limit.Token);
            if (await Task.WhenAny(listening, exited) == exited)
                throw new StorageEmulatorException($"Azurite exited with code {_process.ExitCode} before it was ready: {Output}");
            var (blob, queue, table) = await listening;
            _endpoints = (blob, queue, table);
            ConnectionString = ConnectionStringFor(blob, queue, table);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Azurite did not report its ports within {timeout.TotalSeconds} s: {Output}");
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null) return;
        if (AzuriteProcessId == 0 && line.StartsWith("azurite-pid ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(12), out var pid))
            AzuriteProcessId = pid;
        if (AzuriteListening.TryParse(line, out var service, out var port))
        {
            lock (_ports)
            {
                _ports[service] = port;
                if (_ports.TryGetValue("Blob", out var b) && _ports.TryGetValue("Queue", out var q) && _ports.TryGetValue("Table", out var t))
                    _listening.TrySetResult((b, q, t));
            }
        }
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Starts node with its output (and input, if asked) piped to this process.</summary>
    internal static Process StartNode(IEnumerable<string> args, bool redirectInput, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(NodeTools.FindOnPath("node") ?? "node", args)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        try
        {
            return Process.Start(psi) ?? throw new StorageEmulatorException("Could not start Node.js for Azurite.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new StorageEmulatorException($"Could not start Node.js for Azurite ({ex.Message}); install Node.js 20 or later, or set Storage__ConnectionString.", ex);
        }
    }

    /// <summary>Azurite's options: loopback, ports the system picks, quiet; in memory, or in <paramref name="dataDirectory"/>.</summary>
    internal static List<string> Arguments(string? dataDirectory, bool debugLog)
    {
        // Port 0: Azurite binds ports the system picks and reports them. Picking free ports here and handing them
        // over raced with every other socket on the machine (parallel test runs, outgoing connections), and a
        // stolen port meant an Azurite that never listened, or one that answered for another.
        var args = new List<string>
        {
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
            "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            // Azurite reports usage over the internet by default; without this it also waits for that report on
            // shutdown, which here (no route out) means tens of seconds before it exits.
            "--disableTelemetry",
            // No access log line per request on stdout: at thousands of calls per cycle, writing and piping them
            // cost Azurite about a tenth of its CPU, and this process the memory to hold them.
            "--silent",
        };
        if (dataDirectory is null)
        {
            args.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            args.AddRange(["--location", dataDirectory]);
            // Only on request (monitor -v): it grows without bound while the monitor runs.
            if (debugLog) args.AddRange(["--debug", Path.Combine(dataDirectory, "debug.log")]);
        }
        return args;
    }

    /// <summary>The connection string of one of the <c>accounts</c> this Azurite was started with.</summary>
    public string ConnectionStringOf(string account) => ConnectionStringFor(_endpoints.Blob, _endpoints.Queue, _endpoints.Table, account);

    /// <summary>The connection string of Azurite's well-known development account (or another it serves) on these loopback ports.</summary>
    internal static string ConnectionStringFor(int blob, int queue, int table, string account = AccountName) =>
        $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/{account};" +
        $"QueueEndpoint=http://127.0.0.1:{queue}/{account};" +
        $"TableEndpoint=http://127.0.0.1:{table}/{account};";

    internal static string SupervisorScript()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "azurite-supervisor.js");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing from the build.");
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
                // Closing stdin asks the supervisor to stop Azurite with SIGTERM, on which Azurite flushes its data
                // (several seconds at most); after that grace the whole tree is killed.
                try
                {
                    _process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The supervisor already went away; the wait below sees it.
                }
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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
}
