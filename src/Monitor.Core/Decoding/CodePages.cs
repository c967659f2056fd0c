using System.Text;

namespace MinistryMonitor.Core.Decoding;

/// <summary>
/// Makes the legacy code pages of ministry sites (windows-1251, KOI8-R, ISO-8859-9 …) available to
/// <see cref="Encoding.GetEncoding(string)"/>. Hosts call <see cref="Register"/> at start-up; the decoder calls it
/// too, so a library user or a unit test cannot forget it. Registering twice is a no-op.
/// </summary>
public static class CodePages
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static void Register() => _ = Registered.Value;
}
