using System.Diagnostics;
using System.Text.Json;

namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>
/// <c>storage.json</c> in a data folder: which supervisor owns the folder's Azurite, where it listens, and the token
/// its control port answers with. The supervisor creates it exclusively (so it is also the folder's lock), completes
/// it once Azurite listens, and removes it when Azurite has exited; one left behind names a dead supervisor.
/// </summary>
internal sealed record StorageRecord(
    string State,
    int SupervisorPid,
    string Token,
    DateTimeOffset StartedAt,
    int ControlPort,
    int AzuritePid,
    DateTimeOffset? AzuriteStartedAt,
    int BlobPort,
    int QueuePort,
    int TablePort)
{
    public const string FileName = "storage.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsReady => State == "ready";

    /// <summary>Null when there is no record, or it is being written (read again) or unreadable.</summary>
    public static StorageRecord? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<StorageRecord>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool SupervisorIsAlive => IsRunning(SupervisorPid, StartedAt);

    public bool AzuriteIsAlive => AzuritePid > 0 && AzuriteStartedAt is { } started && IsRunning(AzuritePid, started);

    /// <summary>
    /// Whether this process runs and is the one recorded: started within seconds of the time written (a process id
    /// that the system has since given to another program does not count).
    /// </summary>
    private static bool IsRunning(int pid, DateTimeOffset startedAround)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !IsZombie(pid) && (process.StartTime.ToUniversalTime() - startedAround.UtcDateTime).Duration() < TimeSpan.FromSeconds(30);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Exited but not yet reaped by its parent (Linux): gone for every purpose here.</summary>
    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ...": the state follows the last ')'.
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is 'Z' or 'X';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
