using System.Net;
using System.Net.Sockets;

namespace MinistryMonitor.Infrastructure.Http;

/// <summary>
/// Which addresses a fetch may connect to: globally routable unicast only (outside every block of
/// <see cref="SpecialPurposeAddresses"/>), so a hostile feed link, listing link or redirect cannot make the monitor read
/// an internal system. <c>Fetch:AllowPrivateNetworks</c> opens the local blocks (loopback, private, unique-local) for
/// local sites, but never <see cref="CloudMetadataAddresses"/>.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Why <paramref name="address"/> is refused with private networks closed ("loopback, RFC 1122" …), or null when it is global unicast.</summary>
    public static string? Forbidden(IPAddress address) => Forbidden(address, allowPrivateNetworks: false);

    /// <summary>Why <paramref name="address"/> is refused, or null when the monitor may connect to it.</summary>
    public static string? Forbidden(IPAddress address, bool allowPrivateNetworks)
    {
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)) return "not an IP address";
        if (CloudMetadataAddresses.Find(address) is { } metadata)
            return $"cloud metadata: {metadata}; never fetched, whatever Fetch:AllowPrivateNetworks says";

        var block = SpecialPurposeAddresses.Find(address);
        if (block is null)
        {
            return address.AddressFamily == AddressFamily.InterNetworkV6 && !SpecialPurposeAddresses.Contains(SpecialPurposeAddresses.GlobalUnicastIPv6, address)
                ? "not global unicast (outside 2000::/3), RFC 4291"
                : null;
        }
        switch (block.Kind)
        {
            case SpecialPurposeAddresses.Kind.EmbeddedIPv4:
                var inner = Embedded(address, block);
                return Forbidden(inner, allowPrivateNetworks) is { } why ? $"{block.Name} form of {inner}: {why}" : null;
            case SpecialPurposeAddresses.Kind.Local when allowPrivateNetworks:
                return null;
            default:
                return $"{block.Name}, {block.Rfc}";
        }
    }

    private static IPAddress Embedded(IPAddress address, SpecialPurposeAddresses.Block block)
    {
        var bytes = address.GetAddressBytes();
        // 6to4 (2002:AABB:CCDD::/48) carries it in bits 16-47; the other forms in the last 32 bits.
        return block.Prefix == "2002::/16" ? new IPAddress(bytes[2..6]) : new IPAddress(bytes[12..16]);
    }
}
