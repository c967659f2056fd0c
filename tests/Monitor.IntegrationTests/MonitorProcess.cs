using System.Diagnostics;
using System.Text;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// A <c>monitor</c> (or any) process as a user starts it, with its output collected line by line, so a test can wait
/// for a line, kill it, and check that what it started is gone too.
/// </summary>
internal sealed class MonitorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Marker, TaskCompletionSource<string> Found)> _waits = [];

    private MonitorProcess(Process process) => _process = process;

    public Process Process => _process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The build's monitor.dll, run with dotnet.</summary>
    public static MonitorProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "monitor.dll"), .. args], workingDirectory, environment);

    public static MonitorProcess StartProgram(string fileName, string[] args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        var monitor = new MonitorProcess(Process.Start(psi)!);
        monitor._process.OutputDataReceived += (_, e) => monitor.OnLine(e.Data);
        monitor._process.ErrorDataReceived += (_, e) => monitor.OnLine(e.Data);
        monitor._process.BeginOutputReadLine();
        monitor._process.BeginErrorReadLine();
        return monitor;
    }

    /// <summary>Runs to the end (at most three minutes, or <paramref name="timeout"/>) and returns the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = StartProgram(fileName, args, workingDirectory, environment);
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        await process._process.WaitForExitAsync(cancellation.Token);
        process._process.WaitForExit(); // flushes the asynchronous output readers
        return (process._process.ExitCode, process.Output);
    }

    /// <summary>The first line containing <paramref name="marker"/>, waiting for it to be printed.</summary>
    public async Task<string> WaitForLineAsync(string marker, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var existing = _output.ToString().Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
            if (existing is not null) return existing;
            _waits.Add((marker, found));
        }
        var finished = await Task.WhenAny(found.Task, Task.Delay(timeout), _process.WaitForExitAsync());
        if (finished != found.Task) throw new TimeoutException($"'{marker}' was not printed (exited: {_process.HasExited}). Output:\n{Output}");
        return await found.Task;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var wait in _waits.Where(w => line.Contains(w.Marker, StringComparison.Ordinal)).ToList())
            {
                wait.Found.TrySetResult(line);
                _waits.Remove(wait);
            }
        }
    }

    /// <summary>Whether the process with this id still runs (a zombie waiting for its parent to reap it counts as gone).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return true;
        var text = File.ReadAllText(stat);
        // "pid (comm) S ...": the state follows the last ')'.
        return text[(text.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
    }

    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
