using System.Net;
using System.Net.Sockets;
using MinistryMonitor.Core.Fetching;

namespace MinistryMonitor.Infrastructure.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the fetch client: resolves the host itself, drops every
/// address <see cref="AddressPolicy"/> refuses, and connects only to an address it checked, so neither DNS
/// rebinding nor a redirect (each new connection passes here) can reach a private or metadata address. A host
/// written as a number (decimal, hex, octal IPv4) is parsed by <see cref="Uri"/> or the resolver into the address it
/// is, and that address is what is judged.
/// </summary>
/// <param name="forbidden">Why an address is refused, or null; by default <see cref="AddressPolicy.Forbidden(IPAddress, bool)"/>.</param>
public sealed class NetworkGuard(bool allowPrivateNetworks, Func<IPAddress, string?>? forbidden = null)
{
    private readonly Func<IPAddress, string?> _forbidden = forbidden ?? (a => AddressPolicy.Forbidden(a, allowPrivateNetworks));

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
            {
                throw new HostNotFoundException(host, ex);
            }
        }
        var allowed = addresses.Where(a => _forbidden(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var reasons = string.Join("; ", addresses.Select(a => $"{a} ({_forbidden(a)})"));
            throw addresses.Length == 0
                ? new HostNotFoundException(host, null)
                : new ForbiddenAddressException($"refused to connect to {host}: {reasons}; the monitor fetches only globally routable addresses"
                    + (allowPrivateNetworks ? string.Empty : " (Fetch:AllowPrivateNetworks is off)"));
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
