using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace MinistryMonitor.Infrastructure.Hosting;

/// <summary>
/// A queue message this process has leased. Every operation on it (renewing the lease, deleting, delaying,
/// handing it back) goes through one gate, because each one replaces the pop receipt the next one needs.
/// </summary>
internal sealed class HeldMessage(QueueClient queue, QueueMessage message)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _popReceipt = message.PopReceipt;

    public QueueMessage Message { get; } = message;

    public string Body => Message.Body.ToString();

    /// <summary>Deleted, delayed for a retry, or moved to the poison queue: no longer this process's to renew or hand back.</summary>
    public bool Settled { get; private set; }

    /// <summary>Keeps the message invisible to others for <paramref name="lease"/> more.</summary>
    public Task RenewAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        WithGateAsync(settle: false, async () =>
        {
            UpdateReceipt receipt = await queue.UpdateMessageAsync(Message.MessageId, _popReceipt, visibilityTimeout: lease, cancellationToken: cancellationToken);
            _popReceipt = receipt.PopReceipt;
        });

    public Task DeleteAsync(CancellationToken cancellationToken) =>
        WithGateAsync(settle: true, () => queue.DeleteMessageAsync(Message.MessageId, _popReceipt, cancellationToken));

    /// <summary>Makes the message visible again after <paramref name="delay"/>: a retry later, or at once (zero) to hand it back.</summary>
    public Task ReleaseAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        WithGateAsync(settle: true, () => queue.UpdateMessageAsync(Message.MessageId, _popReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken));

    private async Task WithGateAsync(bool settle, Func<Task> operation)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (Settled) return;
            await operation();
            if (settle) Settled = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
