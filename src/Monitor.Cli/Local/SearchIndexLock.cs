using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MinistryMonitor.Cli.Local;

/// <summary>
/// The embedded search index (Lucene.Net, in the data folder) takes one writer at a time, and <c>monitor run</c>
/// keeps its writer open while it runs. So the commands that write it (<c>run</c>, <c>reindex</c>) hold this lock, and
/// a second one on the same folder stops at once, saying which command holds it, rather than failing every statement
/// it archives. Readers (<c>serve</c>, <c>log</c>, <c>archive</c>, <c>subscribers</c> …) share the folder freely.
/// </summary>
internal sealed class SearchIndexLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private SearchIndexLock(FileStream @lock, string ownerPath)
    {
        _lock = @lock;
        _ownerPath = ownerPath;
    }

    /// <summary>Null when search is not a local index (in memory, or Azure AI Search).</summary>
    public static SearchIndexLock? Acquire(IConfiguration configuration, string command)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Search:Endpoint"]) || string.Equals(configuration["Search:InMemory"], "true", StringComparison.OrdinalIgnoreCase))
            return null;
        var index = Path.GetFullPath(configuration["Search:IndexPath"] is { Length: > 0 } configured ? configured : Path.Combine(".monitor", "search"));
        var path = index.TrimEnd(Path.DirectorySeparatorChar) + ".lock";
        var ownerPath = path + ".owner";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream held;
        try
        {
            held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "another monitor command";
            throw new DataFolderBusyException(
                $"{owner} is writing the search index {index}, which one command at a time can. " +
                "`monitor serve`, `log`, `archive` and `subscribers` can run beside it; stop it first, or give this command another --data folder.");
        }
        // Said in a file beside the lock, which the holder's lock keeps others from reading.
        File.WriteAllText(ownerPath, string.Create(CultureInfo.InvariantCulture, $"`monitor {command}` (process {Environment.ProcessId}, since {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss})"));
        return new SearchIndexLock(held, ownerPath);
    }

    public void Dispose()
    {
        File.Delete(_ownerPath);
        _lock.Dispose();
    }
}

/// <summary>Another command holds what this one needs alone; the message names it.</summary>
public sealed class DataFolderBusyException(string message) : Exception(message);
