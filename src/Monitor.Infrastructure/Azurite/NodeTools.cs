using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>
/// Finds Azurite wherever the monitor runs: the repository's pinned npm install (installed with <c>npm ci</c> on
/// first use), an <c>azurite</c> on PATH, or else an npm install of the pinned version into a per-user cache, so
/// the .NET tool works from any folder and nothing has to be installed by hand but Node.js.
/// </summary>
public static class NodeTools
{
    /// <summary>The Azurite version the repository pins in package.json (a test keeps the two equal).</summary>
    public const string AzuriteVersion = "3.37.0";

    private const string AzuriteEntry = "node_modules/azurite/dist/src/azurite.js";

    /// <summary>What to start: azurite's entry script (run with node) or an azurite executable, installing it first if needed.</summary>
    public static async Task<string> EnsureAzuriteAsync(CancellationToken cancellationToken)
    {
        if (FindOnPath("node") is null)
            throw new StorageEmulatorException(
                "Node.js 20 or later is needed to run Azurite, the local storage emulator: install it from https://nodejs.org " +
                "(or your package manager), or set Storage__ConnectionString to use another storage account.");

        if (FindManifestDirectory() is { } root)
            return await EnsureInstalledAsync(root, File.Exists(Path.Combine(root, "package-lock.json")) ? ["ci"] : ["install"], cancellationToken);

        if (FindOnPath("azurite") is { } onPath) return onPath;

        var cache = Path.Combine(UserCacheDirectory(), "ministry-monitor", $"azurite-{AzuriteVersion}");
        Directory.CreateDirectory(cache);
        return await EnsureInstalledAsync(cache, ["install", "--prefix", cache, $"azurite@{AzuriteVersion}"], cancellationToken);
    }

    private static async Task<string> EnsureInstalledAsync(string root, string[] npmArguments, CancellationToken cancellationToken)
    {
        var entry = Path.Combine(root, AzuriteEntry);
        // azurite.js appears while npm is still unpacking the rest of the package, so only this marker, written once
        // npm has finished, says the install is whole (npm ci deletes node_modules, and the marker with it).
        var ready = Path.Combine(root, "node_modules", ".ministry-monitor-azurite-ready");
        if (File.Exists(ready) && File.Exists(entry)) return entry;

        // Several test processes may start at once: one installs, the others wait on the lock.
        var lockPath = Path.Combine(root, ".npm-install.lock");
        await using var gate = await FileLock.AcquireAsync(lockPath, TimeSpan.FromMinutes(10), cancellationToken, deleteOnClose: true);
        if (File.Exists(entry))
        {
            // Whoever installed it held this lock until npm finished (or it was installed by hand): it is whole.
            await File.WriteAllTextAsync(ready, AzuriteVersion, cancellationToken);
            return entry;
        }

        var npm = FindOnPath("npm")
            ?? throw new StorageEmulatorException($"npm (part of Node.js) is needed to install Azurite {AzuriteVersion} into {root}; install Node.js, or set Storage__ConnectionString.");
        // Once per machine (or clone), and it takes a while: say what is happening rather than sit silent.
        Console.Error.WriteLine($"Installing Azurite {AzuriteVersion} (the local storage emulator) into {root} with npm; this happens once.");
        var psi = new ProcessStartInfo(npm, [.. npmArguments, "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new StorageEmulatorException($"Could not start {npm}.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(entry))
            throw new StorageEmulatorException(
                $"'npm {string.Join(' ', npmArguments)}' in {root} failed with exit code {process.ExitCode} ({(await stderr).Trim()}); " +
                "check that npm can reach its registry, or set Storage__ConnectionString.");
        await File.WriteAllTextAsync(ready, AzuriteVersion, cancellationToken);
        return entry;
    }

    /// <summary>The repository's folder: the nearest one above the working directory or the program with a package.json that pins azurite.</summary>
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

    /// <summary>The per-user cache: %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS, else $XDG_CACHE_HOME or ~/.cache.</summary>
    public static string UserCacheDirectory()
    {
        if (OperatingSystem.IsWindows()) return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Caches");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        return !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".cache");
    }

    /// <summary>The full path of a command on PATH (with PATHEXT's extensions on Windows), or null.</summary>
    public static string? FindOnPath(string command)
    {
        var extensions = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries)
            : [string.Empty];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(dir.Trim('"'), command + extension);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
