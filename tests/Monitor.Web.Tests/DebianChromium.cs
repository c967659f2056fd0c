using System.Diagnostics;

namespace MinistryMonitor.Web.Tests;

/// <summary>
/// Debian's Chromium, installed with apt-get the first time a browser test needs it, so that `dotnet test` passes on
/// a fresh machine as README promises (Playwright's own browser download cannot work without the internet).
/// </summary>
internal static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ExecutablePath)) return;
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(ExecutablePath)) return;
            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
                throw new InvalidOperationException($"Chromium is missing at {ExecutablePath}: install Debian's chromium package.");
            var asRoot = Environment.UserName == "root" ? "" : "sudo ";
            await RunAsync($"{asRoot}env DEBIAN_FRONTEND=noninteractive apt-get update -qq && {asRoot}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
            if (!File.Exists(ExecutablePath))
                throw new InvalidOperationException($"apt-get install chromium finished, but {ExecutablePath} is still missing.");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string script)
    {
        var psi = new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Installing chromium with apt-get failed (exit {process.ExitCode}): {await errors}{await output}");
    }
}
