using System.Net;

namespace MinistryMonitor.Infrastructure.Http;

/// <summary>
/// Where clouds serve instance metadata and credentials. A deny list that wins over <c>Fetch:AllowPrivateNetworks</c>:
/// opening local sites for the demo or tests must never open the machine's own credentials to a hostile redirect.
/// All of link-local is in it, since that is where most clouds put their services (AWS, Azure, GCP, OCI, OpenStack).
/// </summary>
public static class CloudMetadataAddresses
{
    public static IReadOnlyList<(IPNetwork Network, string Name)> Blocks { get; } =
    [
        (IPNetwork.Parse("169.254.0.0/16"), "link-local, where cloud metadata lives (169.254.169.254: AWS, Azure, GCP, OCI; 169.254.170.2: AWS ECS)"),
        (IPNetwork.Parse("168.63.129.16/32"), "Azure platform (WireServer)"),
        (IPNetwork.Parse("100.100.100.200/32"), "Alibaba Cloud metadata"),
        (IPNetwork.Parse("192.0.0.192/32"), "Oracle Cloud metadata (classic)"),
        (IPNetwork.Parse("fd00:ec2::/32"), "AWS metadata (fd00:ec2::254, IPv6)"),
        (IPNetwork.Parse("fe80::/10"), "IPv6 link-local, where cloud metadata lives (fe80::a9fe:a9fe: OpenStack)"),
    ];

    /// <summary>The metadata service <paramref name="address"/> belongs to, or null.</summary>
    public static string? Find(IPAddress address)
    {
        foreach (var (network, name) in Blocks)
            if (SpecialPurposeAddresses.Contains(network, address)) return name;
        return null;
    }
}
