namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>
/// An exclusive lock between processes: a file opened with <see cref="FileShare.None"/> (flock on Unix), which the
/// system releases however its holder ends, even with SIGKILL.
/// </summary>
internal static class FileLock
{
    /// <param name="deleteOnClose">Only where no third process can be waiting on the old file while a new one is made.</param>
    public static async Task<FileStream> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken, bool deleteOnClose = false)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, deleteOnClose ? FileOptions.DeleteOnClose : FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
