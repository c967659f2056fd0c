using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MinistryMonitor.Cli.Demo;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port that keeps what it receives, and can
/// be told to refuse mail to play an SMTP outage.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store;
    private readonly Task _running;

    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackSmtpServer(string? saveDirectory)
    {
        _store = new Store(saveDirectory);
        // Port 0 and the port the listener reports: a port picked beforehand could be taken before the server binds it.
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => _listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(listeners);
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; private set; }

    private int _sessions;

    /// <summary>How many SMTP connections were opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Every message accepted so far, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages => _store.Messages.ToArray();

    /// <summary>Messages to this address are refused with 451 (a temporary failure), as a mail server in trouble does.</summary>
    public void RefuseRecipient(string address) => _store.Refused[address.ToLowerInvariant()] = true;

    /// <summary>Messages to this address are refused with 550 (no such mailbox), a permanent failure.</summary>
    public void RejectRecipient(string address) => _store.Refused[address.ToLowerInvariant()] = false;

    public void AcceptAll() => _store.Refused.Clear();

    /// <summary>How many messages were refused so far.</summary>
    public int Refusals => _store.RefusalCount;

    /// <param name="saveDirectory">Where to also write each message as an .eml file; null keeps them in memory only.</param>
    public static async Task<LoopbackSmtpServer> StartAsync(string? saveDirectory = null)
    {
        var server = new LoopbackSmtpServer(saveDirectory);
        var started = await Task.WhenAny(server._listening.Task, server._running, Task.Delay(TimeSpan.FromSeconds(10)));
        // A server that stopped before listening says why (the await rethrows it).
        if (started == server._running) await server._running;
        if (started != server._listening.Task)
        {
            await server.DisposeAsync();
            throw new TimeoutException("The loopback SMTP server did not start listening within 10 s.");
        }
        server.Port = await server._listening.Task;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // The server's own way of saying it stopped.
        }
        _stop.Dispose();
    }

    private sealed class Store(string? saveDirectory) : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        /// <summary>Refused addresses: true for a temporary refusal (451), false for a permanent one (550).</summary>
        public ConcurrentDictionary<string, bool> Refused { get; } = new();

        private int _refusals;

        public int RefusalCount => Volatile.Read(ref _refusals);

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            foreach (var to in transaction.To)
            {
                if (!Refused.TryGetValue($"{to.User}@{to.Host}".ToLowerInvariant(), out var temporary)) continue;
                Interlocked.Increment(ref _refusals);
                return temporary
                    ? new SmtpResponse((SmtpReplyCode)451, "mailbox temporarily unavailable, try again later")
                    : new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such mailbox here");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (saveDirectory is not null)
            {
                Directory.CreateDirectory(saveDirectory);
                var name = $"{Messages.Count + 1:000}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
                await File.WriteAllBytesAsync(Path.Combine(saveDirectory, name), buffer.ToArray(), cancellationToken);
            }
            Messages.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
