using System.Net;
using MinistryMonitor.Infrastructure.Http;

namespace MinistryMonitor.Infrastructure.Tests.Http;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("0.1.2.3", "\"this network\", RFC 791")]
    [InlineData("10.1.2.3", "private, RFC 1918")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT), RFC 6598")]
    [InlineData("127.0.0.1", "loopback, RFC 1122")]
    [InlineData("127.8.9.10", "loopback, RFC 1122")]
    [InlineData("169.254.10.1", "cloud metadata: link-local")]
    [InlineData("172.16.0.1", "private, RFC 1918")]
    [InlineData("172.31.255.255", "private, RFC 1918")]
    [InlineData("192.0.0.8", "IETF protocol assignments, RFC 6890")]
    [InlineData("192.0.2.10", "documentation (TEST-NET-1), RFC 5737")]
    [InlineData("192.88.99.1", "deprecated 6to4 relay anycast, RFC 7526")]
    [InlineData("192.168.1.1", "private, RFC 1918")]
    [InlineData("198.18.0.1", "benchmarking, RFC 2544")]
    [InlineData("198.19.255.255", "benchmarking, RFC 2544")]
    [InlineData("198.51.100.7", "documentation (TEST-NET-2), RFC 5737")]
    [InlineData("203.0.113.9", "documentation (TEST-NET-3), RFC 5737")]
    [InlineData("224.0.0.1", "multicast, RFC 5771")]
    [InlineData("239.255.255.250", "multicast, RFC 5771")]
    [InlineData("240.0.0.1", "reserved, RFC 1112")]
    [InlineData("255.255.255.255", "limited broadcast, RFC 919")]
    [InlineData("::", "unspecified, RFC 4291")]
    [InlineData("::1", "loopback, RFC 4291")]
    [InlineData("::ffff:127.0.0.1", "IPv4-mapped form of 127.0.0.1: loopback, RFC 1122")]
    [InlineData("::ffff:192.0.2.1", "IPv4-mapped form of 192.0.2.1: documentation (TEST-NET-1), RFC 5737")]
    [InlineData("::127.0.0.1", "IPv4-compatible (deprecated), RFC 4291")]
    [InlineData("::8.8.8.8", "IPv4-compatible (deprecated), RFC 4291")]
    [InlineData("64:ff9b::7f00:1", "IPv4-IPv6 translation (NAT64) form of 127.0.0.1: loopback, RFC 1122")]
    [InlineData("64:ff9b:1::a00:1", "local-use IPv4-IPv6 translation, RFC 8215")]
    [InlineData("100::1", "discard-only, RFC 6666")]
    [InlineData("2001::1", "IETF protocol assignments (incl. Teredo 2001::/32), RFC 2928")]
    [InlineData("2001:2::1", "IETF protocol assignments (incl. Teredo 2001::/32), RFC 2928")]
    [InlineData("2001:db8::1", "documentation, RFC 3849")]
    [InlineData("2002:7f00:1::", "6to4 form of 127.0.0.1: loopback, RFC 1122")]
    [InlineData("2002:c000:210::", "6to4 form of 192.0.2.16: documentation (TEST-NET-1), RFC 5737")]
    [InlineData("3fff::1", "documentation, RFC 9637")]
    [InlineData("5f00::1", "segment routing (SRv6) SIDs, RFC 9602")]
    [InlineData("fc00::1", "unique-local, RFC 4193")]
    [InlineData("fd12:3456::1", "unique-local, RFC 4193")]
    [InlineData("fe80::1", "cloud metadata: IPv6 link-local")]
    [InlineData("fec0::1", "site-local (deprecated), RFC 3879")]
    [InlineData("ff02::1", "multicast, RFC 4291")]
    [InlineData("4000::1", "not global unicast (outside 2000::/3), RFC 4291")]
    public void Forbidden_SpecialPurposeAddress_SaysWhichBlockAndItsRfc(string address, string reason) =>
        Assert.StartsWith(reason, AddressPolicy.Forbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("198.20.0.1")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Forbidden_GlobalUnicast_IsNull(string address) => Assert.Null(AddressPolicy.Forbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Forbidden_LocalWithPrivateNetworksAllowed_IsNull(string address) =>
        Assert.Null(AddressPolicy.Forbidden(IPAddress.Parse(address), allowPrivateNetworks: true));

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.170.2")]
    [InlineData("168.63.129.16")]
    [InlineData("100.100.100.200")]
    [InlineData("192.0.0.192")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::a9fe:a9fe")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::")]
    public void Forbidden_CloudMetadataWithPrivateNetworksAllowed_IsStillRefused(string address) =>
        Assert.Contains("cloud metadata", AddressPolicy.Forbidden(IPAddress.Parse(address), allowPrivateNetworks: true));

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("198.18.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b:1::7f00:1")]
    public void Forbidden_NotADestinationWithPrivateNetworksAllowed_IsStillRefused(string address) =>
        Assert.NotNull(AddressPolicy.Forbidden(IPAddress.Parse(address), allowPrivateNetworks: true));

    [Fact]
    public void Registries_EveryBlock_NamesItsRfcAndParses()
    {
        foreach (var block in SpecialPurposeAddresses.IPv4.Concat(SpecialPurposeAddresses.IPv6))
        {
            Assert.StartsWith("RFC ", block.Rfc);
            Assert.Equal(block.Prefix, block.Network.ToString());
        }
    }
}
