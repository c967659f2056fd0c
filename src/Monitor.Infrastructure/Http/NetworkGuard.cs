using System.Net;
using System.Net.Sockets;
using Monitor.Core.Fetching;

namespace Monitor.Infrastructure.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the fetch client: resolves the host itself, drops every
/// address <see cref="AddressPolicy"/> forbids, and connects only to an address it checked, so neither DNS
/// rebinding nor a redirect (each new connection passes here) can reach a private or metadata address.
/// </summary>
public sealed class NetworkGuard(bool allowPrivateNetworks, Func<IPAddress, string?>? forbidden = null)
{
    private readonly Func<IPAddress, string?> _forbidden = forbidden ?? AddressPolicy.Forbidden;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivateNetworks ? addresses : addresses.Where(a => _forbidden(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var reasons = string.Join(", ", addresses.Select(a => $"{a} ({_forbidden(a)})"));
            throw new ForbiddenAddressException(addresses.Length == 0
                ? $"{host} has no address"
                : $"refused to connect to {host}: {reasons}; the monitor fetches only public addresses (Fetch:AllowPrivateNetworks is off)");
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
