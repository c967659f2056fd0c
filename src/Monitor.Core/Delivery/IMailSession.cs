namespace MinistryMonitor.Core.Delivery;

/// <summary>
/// One connection to the mail server for a batch of e-mails (an alert's recipients, a run of digests), rather
/// than one per e-mail. A recipient the server refuses throws <see cref="MailRejectedException"/> and leaves the
/// session usable for the others.
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Sends; <paramref name="accepted"/> is called the moment the server has accepted the message.</summary>
    Task SendAsync(AlertEmail email, Func<Task> accepted, CancellationToken cancellationToken);
}

/// <summary>The mail server refused a message for a recipient: permanently (5xx, do not retry) or for now (4xx).</summary>
public sealed class MailRejectedException(string recipient, int statusCode, string serverMessage, Exception? inner = null)
    : Exception($"The mail server refused {recipient}: {statusCode} {serverMessage}", inner)
{
    public string Recipient { get; } = recipient;
    public int StatusCode { get; } = statusCode;
    public bool IsPermanent => StatusCode is >= 500 and < 600;
}

/// <summary>For senders without a connection to keep: each e-mail is sent on its own.</summary>
internal sealed class OneByOneMailSession(IMailSender sender) : IMailSession
{
    public Task SendAsync(AlertEmail email, Func<Task> accepted, CancellationToken cancellationToken) => sender.SendAsync(email, accepted, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
