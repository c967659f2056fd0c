namespace MinistryMonitor.Core.Delivery;

/// <summary>Sends one e-mail (SMTP through MailKit in production). Throws when the message was not accepted.</summary>
public interface IMailSender
{
    Task SendAsync(AlertEmail email, CancellationToken cancellationToken);

    /// <summary>
    /// Sends, calling <paramref name="accepted"/> the moment the server has accepted the message (its reply to DATA),
    /// before the connection is closed: recording the delivery there keeps the window in which a crash makes a
    /// duplicate as short as it can be. Senders without such a moment call it when <see cref="SendAsync(AlertEmail, CancellationToken)"/> returns.
    /// </summary>
    async Task SendAsync(AlertEmail email, Func<Task> accepted, CancellationToken cancellationToken)
    {
        await SendAsync(email, cancellationToken);
        await accepted();
    }

    /// <summary>A session that sends many e-mails over one connection; by default, one connection each.</summary>
    Task<IMailSession> OpenSessionAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(new OneByOneMailSession(this));
}
