using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MinistryMonitor.IntegrationTests;

/// <summary>
/// An HTTP server on loopback that holds every request until the test releases it: a ministry site that is
/// slow to answer, to catch the pipeline in the middle of handling a message.
/// </summary>
internal sealed class SlowHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _body;
    private readonly Task _serving;

    public SlowHttpServer(string body)
    {
        _body = body;
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri UrlOf(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{path}");

    /// <summary>Completes when the first request has arrived (and is being held).</summary>
    public Task Requested => _requested.Task;

    /// <summary>Lets the held requests (and later ones) be answered.</summary>
    public void Release() => _release.TrySetResult();

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = AnswerAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                _ = await stream.ReadAsync(buffer, _stop.Token);
                _requested.TrySetResult();
                await _release.Task.WaitAsync(_stop.Token);
                var body = Encoding.UTF8.GetBytes(_body);
                var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client went away or the server stops.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
