using System.Net;
using System.Net.Sockets;

namespace Monitor.Infrastructure.Http;

/// <summary>
/// The addresses a fetch must never reach unless private networks are allowed: what a hostile feed link, listing
/// link or redirect would use to make the monitor read its own cloud's metadata service or an internal system.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Why <paramref name="address"/> is refused ("loopback", "cloud metadata" …), or null when it is a public address.</summary>
    public static string? Forbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [169, 254, 169, 254] => "cloud metadata",
                [168, 63, 129, 16] => "cloud metadata (Azure platform)",
                [100, 100, 100, 200] => "cloud metadata",
                [127, ..] => "loopback",
                [0, ..] => "unspecified (\"this network\")",
                [10, ..] => "private",
                [172, >= 16 and <= 31, ..] => "private",
                [192, 168, ..] => "private",
                [100, >= 64 and <= 127, ..] => "shared (carrier-grade NAT)",
                [169, 254, ..] => "link-local",
                [192, 0, 0, _] => "IETF protocol assignments",
                [198, 18 or 19, ..] => "benchmarking",
                [>= 224 and <= 239, ..] => "multicast",
                [>= 240, ..] => "reserved or broadcast",
                _ => null,
            };
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Loopback)) return "loopback";
            if (address.Equals(IPAddress.IPv6Any)) return "unspecified";
            if (address.IsIPv6LinkLocal) return "link-local";
            if (address.IsIPv6SiteLocal) return "site-local";
            if (address.IsIPv6Multicast) return "multicast";
            var b = address.GetAddressBytes();
            if ((b[0] & 0xFE) == 0xFC) return b is [0xFD, 0x00, 0x0E, 0xC2, ..] ? "cloud metadata" : "unique-local";
            // 6to4 and NAT64 wrap an IPv4 address: judge the address inside.
            if (b[0] == 0x20 && b[1] == 0x02) return Forbidden(new IPAddress(b[2..6]));
            if (b is [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0, ..]) return Forbidden(new IPAddress(b[12..16]));
            return null;
        }
        return "not an IP address";
    }
}
