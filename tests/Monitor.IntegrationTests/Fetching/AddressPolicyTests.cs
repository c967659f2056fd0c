using System.Net;
using Monitor.Infrastructure.Http;

namespace Monitor.IntegrationTests.Fetching;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("168.63.129.16", "cloud metadata (Azure platform)")]
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("169.254.10.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd12:3456::1", "unique-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified (\"this network\")")]
    [InlineData("100.64.0.1", "shared (carrier-grade NAT)")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "cloud metadata")]
    [InlineData("2002:a9fe:a9fe::", "cloud metadata")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("255.255.255.255", "reserved or broadcast")]
    public void Forbidden_NonPublicAddress_SaysWhy(string address, string reason) =>
        Assert.Equal(reason, AddressPolicy.Forbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void Forbidden_PublicAddress_IsNull(string address) => Assert.Null(AddressPolicy.Forbidden(IPAddress.Parse(address)));
}
