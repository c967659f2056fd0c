using System.Diagnostics;

namespace Monitor.Infrastructure.Azurite;

/// <summary>
/// Finds the repository's npm manifest (which pins azurite) and installs it on first use with <c>npm ci</c>,
/// so nothing has to be installed by hand.
/// </summary>
public static class NodeTools
{
    private const string AzuriteEntry = "node_modules/azurite/dist/src/azurite.js";

    /// <summary>The path of azurite's entry script, installing the npm packages first if needed.</summary>
    public static async Task<string> EnsureAzuriteAsync(CancellationToken cancellationToken)
    {
        var root = FindManifestDirectory()
            ?? throw new InvalidOperationException(
                "Cannot find the repository's package.json (which pins azurite) above the working directory or the program. " +
                "Run the monitor from the repository, or give a storage connection string (Storage__ConnectionString) instead.");
        var entry = Path.Combine(root, AzuriteEntry);
        if (File.Exists(entry)) return entry;

        // Several test processes may start at once: one installs, the others wait on the lock.
        var lockPath = Path.Combine(root, ".npm-install.lock");
        await using var gate = await AcquireAsync(lockPath, cancellationToken);
        if (File.Exists(entry)) return entry;

        var install = File.Exists(Path.Combine(root, "package-lock.json")) ? "ci" : "install";
        var psi = new ProcessStartInfo("npm", [install, "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm; is Node.js installed?");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(entry))
            throw new InvalidOperationException($"'npm {install}' in {root} failed with exit code {process.ExitCode}: {await stderr}");
        return entry;
    }

    public static string? FindManifestDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"azurite\"", StringComparison.Ordinal))
                    return dir.FullName;
            }
        }
        return null;
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }
}
