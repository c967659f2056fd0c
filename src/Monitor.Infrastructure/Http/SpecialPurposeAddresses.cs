using System.Net;
using System.Net.Sockets;

namespace MinistryMonitor.Infrastructure.Http;

/// <summary>
/// The IANA IPv4 and IPv6 special-purpose address registries (iana.org/assignments/iana-ipv4-special-registry and
/// iana-ipv6-special-registry), as data: every block that is not globally reachable unicast, with its RFC. The fetch
/// guard connects only to addresses outside all of them (an allow-list of global unicast, not a list of bad ranges),
/// plus IPv6 space IANA has not allocated to the registries (only 2000::/3 is global unicast).
/// A few blocks wrap an IPv4 address (IPv4-mapped, -compatible, NAT64, 6to4): the address inside is judged instead.
/// </summary>
public static class SpecialPurposeAddresses
{
    /// <summary>What a block is for a fetch: never reachable, opened by <c>Fetch:AllowPrivateNetworks</c>, or judged by the IPv4 address it embeds.</summary>
    public enum Kind
    {
        /// <summary>Not a destination at all (unspecified, broadcast, multicast, documentation, reserved): refused always.</summary>
        Never,

        /// <summary>Loopback, private, link-local, unique-local, shared: a local site the demo and tests may open.</summary>
        Local,

        /// <summary>Carries an IPv4 address in its last 32 bits (in bits 16-47 for 6to4): that address decides.</summary>
        EmbeddedIPv4,
    }

    public sealed record Block(string Prefix, string Name, string Rfc, Kind Kind)
    {
        public IPNetwork Network { get; } = IPNetwork.Parse(Prefix);
    }

    public static IReadOnlyList<Block> IPv4 { get; } =
    [
        new("0.0.0.0/8", "\"this network\"", "RFC 791", Kind.Never),
        new("10.0.0.0/8", "private", "RFC 1918", Kind.Local),
        new("100.64.0.0/10", "shared (carrier-grade NAT)", "RFC 6598", Kind.Local),
        new("127.0.0.0/8", "loopback", "RFC 1122", Kind.Local),
        new("169.254.0.0/16", "link-local", "RFC 3927", Kind.Local),
        new("172.16.0.0/12", "private", "RFC 1918", Kind.Local),
        // 192.0.0.9/32 and 192.0.0.10/32 (PCP, TURN anycast) are global in the registry, but no ministry serves pages there.
        new("192.0.0.0/24", "IETF protocol assignments", "RFC 6890", Kind.Never),
        new("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737", Kind.Never),
        new("192.31.196.0/24", "AS112-v4", "RFC 7535", Kind.Never),
        new("192.52.193.0/24", "AMT", "RFC 7450", Kind.Never),
        new("192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526", Kind.Never),
        new("192.168.0.0/16", "private", "RFC 1918", Kind.Local),
        new("192.175.48.0/24", "direct delegation AS112 service", "RFC 7534", Kind.Never),
        new("198.18.0.0/15", "benchmarking", "RFC 2544", Kind.Never),
        new("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737", Kind.Never),
        new("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737", Kind.Never),
        new("224.0.0.0/4", "multicast", "RFC 5771", Kind.Never),
        new("240.0.0.0/4", "reserved", "RFC 1112", Kind.Never),
        new("255.255.255.255/32", "limited broadcast", "RFC 919", Kind.Never),
    ];

    public static IReadOnlyList<Block> IPv6 { get; } =
    [
        new("::/128", "unspecified", "RFC 4291", Kind.Never),
        new("::1/128", "loopback", "RFC 4291", Kind.Local),
        new("::ffff:0:0/96", "IPv4-mapped", "RFC 4291", Kind.EmbeddedIPv4),
        // Deprecated IPv4-compatible addresses (::a.b.c.d), what remains of ::/96 besides :: and ::1: no stack routes them
        // as IPv6, and some would hand them to IPv4, so they are refused whatever they embed.
        new("::/96", "IPv4-compatible (deprecated)", "RFC 4291", Kind.Never),
        new("64:ff9b::/96", "IPv4-IPv6 translation (NAT64)", "RFC 6052", Kind.EmbeddedIPv4),
        // A local-use NAT64 prefix: the operator's own translator, whose IPv4 side is not visible here.
        new("64:ff9b:1::/48", "local-use IPv4-IPv6 translation", "RFC 8215", Kind.Never),
        new("100::/64", "discard-only", "RFC 6666", Kind.Never),
        new("100:0:0:1::/64", "dummy IPv6 prefix", "RFC 9780", Kind.Never),
        // The 2001::/23 family (TEREDO 2001::/32, benchmarking 2001:2::/48, ORCHIDv2 2001:20::/28 …): all of it IETF
        // protocol assignments, none a place a ministry serves pages; Teredo's embedded address is obfuscated.
        new("2001::/23", "IETF protocol assignments (incl. Teredo 2001::/32)", "RFC 2928", Kind.Never),
        new("2001:db8::/32", "documentation", "RFC 3849", Kind.Never),
        new("2002::/16", "6to4", "RFC 3056", Kind.EmbeddedIPv4),
        new("2620:4f:8000::/48", "direct delegation AS112 service", "RFC 7534", Kind.Never),
        new("3fff::/20", "documentation", "RFC 9637", Kind.Never),
        new("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602", Kind.Never),
        new("fc00::/7", "unique-local", "RFC 4193", Kind.Local),
        new("fe80::/10", "link-local", "RFC 4291", Kind.Local),
        new("fec0::/10", "site-local (deprecated)", "RFC 3879", Kind.Local),
        new("ff00::/8", "multicast", "RFC 4291", Kind.Never),
    ];

    /// <summary>Only 2000::/3 is allocated for global unicast (RFC 4291 2.4); the rest of the space is unassigned.</summary>
    public static IPNetwork GlobalUnicastIPv6 { get; } = IPNetwork.Parse("2000::/3");

    /// <summary>The most specific block holding <paramref name="address"/>, or null.</summary>
    public static Block? Find(IPAddress address)
    {
        var table = address.AddressFamily == AddressFamily.InterNetwork ? IPv4 : IPv6;
        Block? found = null;
        foreach (var block in table)
            if (Contains(block.Network, address) && (found is null || block.Network.PrefixLength > found.Network.PrefixLength))
                found = block;
        return found;
    }

    /// <summary>
    /// Whether <paramref name="address"/> is in <paramref name="network"/>, bit for bit and of the same family.
    /// (<see cref="IPNetwork.Contains"/> does not place IPv4-mapped addresses in ::ffff:0:0/96.)
    /// </summary>
    public static bool Contains(IPNetwork network, IPAddress address)
    {
        if (network.BaseAddress.AddressFamily != address.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var b = network.BaseAddress.GetAddressBytes();
        var bits = network.PrefixLength;
        for (var i = 0; bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (b[i] & mask)) return false;
        }
        return true;
    }
}
