using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MinistryMonitor.Infrastructure.Azurite;

/// <summary>
/// This process's hold on a shared Azurite: one open connection to its supervisor's control port. The system closes
/// it however the process ends, which is how the supervisor counts who still needs storage.
/// </summary>
internal sealed class StorageMembership : IAsyncDisposable
{
    // Generous: a join that gives up after the supervisor counted it would leave it, and the last leaving stops Azurite.
    private static readonly TimeSpan Handshake = TimeSpan.FromSeconds(20);

    // Azurite flushes its data on SIGTERM in a few seconds; its supervisor kills it after ten.
    private static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(30);

    private readonly Socket _socket;

    private StorageMembership(Socket socket) => _socket = socket;

    /// <summary>Joins, or null when the supervisor does not welcome us with its token (it is stopping, or it is not there).</summary>
    public static async Task<StorageMembership?> JoinAsync(int controlPort, string token, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Handshake);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, controlPort), limit.Token);
            if (await ReadLineAsync(socket, limit.Token) == $"welcome {token}") return new StorageMembership(socket);
        }
        catch (SocketException)
        {
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        socket.Dispose();
        return null;
    }

    /// <summary>Leaves; if this was the last command, returns once Azurite has flushed its data and exited.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            using var limit = new CancellationTokenSource(FlushWait);
            var buffer = new byte[64];
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token) > 0)
            {
                // "stopping": we were the last; the supervisor closes the connection when it exits.
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The supervisor is gone already, or is still flushing after the wait: nothing this process can add.
        }
        finally
        {
            _socket.Dispose();
        }
    }

    private static async Task<string> ReadLineAsync(Socket socket, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (line.Length < 200 && await socket.ReceiveAsync(one, SocketFlags.None, cancellationToken) == 1 && one[0] != '\n')
            line.Append((char)one[0]);
        return line.ToString();
    }
}
