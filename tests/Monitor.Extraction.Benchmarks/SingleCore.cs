using System.Diagnostics;

namespace MinistryMonitor.Extraction.Benchmarks;

/// <summary>Pins the process to one core so that figures are single-core ones on a shared machine.</summary>
internal static class SingleCore
{
    public static void Pin()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows()) return;
        using var process = Process.GetCurrentProcess();
        process.ProcessorAffinity = 1;
    }
}
