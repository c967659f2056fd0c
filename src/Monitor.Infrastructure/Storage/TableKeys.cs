namespace MinistryMonitor.Infrastructure.Storage;

/// <summary>
/// What Table Storage accepts as a partition or row key: at most 1 KiB (512 UTF-16 units), and none of '/', '\',
/// '#', '?' or control characters. A lookup by a key that cannot exist finds nothing, rather than failing the request.
/// </summary>
internal static class TableKeys
{
    private const int MaxLength = 512;

    public static bool IsValid(string key)
    {
        if (key.Length > MaxLength) return false;
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c)) return false;
        }
        return true;
    }
}
